package org.aidbridge.routes.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aidbridge.bot.store.Store;

/**
 * A view of a store that answers {@code activeListings} and {@code activeListingsNear} once per
 * distinct question. For {@code matches}, which reads only, asks the matcher about every open need,
 * and so would otherwise read the same candidate offers from the database once per need.
 */
final class MemoizedQueries implements InvocationHandler {
  private static final java.util.Set<String> MEMOIZED =
      java.util.Set.of("activeListings", "activeListingsNear");

  private final Store store;
  private final Map<List<Object>, Object> answers = new ConcurrentHashMap<>();

  private MemoizedQueries(Store store) {
    this.store = store;
  }

  static Store of(Store store) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(), new Class<?>[] {Store.class}, new MemoizedQueries(store));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (MEMOIZED.contains(method.getName())) {
      List<Object> key = new java.util.ArrayList<>(Arrays.asList(args));
      key.add(method.getName());
      Object cached = answers.get(key);
      if (cached != null) {
        return cached;
      }
      Object answer = call(method, args);
      answers.put(key, answer);
      return answer;
    }
    return call(method, args);
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(store, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
