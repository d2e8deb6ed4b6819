package org.aidbridge.bot.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidbridge.bot.store.Store;
import org.aidbridge.bot.store.StoreException;

/**
 * The real store, except that chosen methods fail while {@link #failing} is set, as SQLite does
 * when the database is busy or read-only: everything else goes to the real store untouched.
 */
final class FlakyStore {
  final AtomicBoolean failing = new AtomicBoolean();
  final Store store;

  FlakyStore(Store real, Set<String> methods) {
    this.store =
        (Store)
            Proxy.newProxyInstance(
                Store.class.getClassLoader(),
                new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                  if (failing.get() && methods.contains(method.getName())) {
                    throw new StoreException("[SQLITE_READONLY] attempt to write a readonly db");
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }
}
