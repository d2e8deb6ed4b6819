package org.aidbridge.routes.telegram;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.aidbridge.routes.app.ChannelProbe;

/**
 * Tells the polling probe of {@code /health} how each {@code getUpdates} went: an answer 200 is a
 * successful poll (with or without updates), anything else is a failure. Only watches: the request
 * and its answer pass unchanged.
 */
final class PollHealth implements Interceptor {
  private final ChannelProbe polling;

  /**
   * A long poll returns within its timeout; two timeouts and half a minute without an answer 200
   * mean polling has stopped.
   */
  static Duration staleAfter(TelegramSettings settings) {
    return settings.pollTimeout().multipliedBy(2).plusSeconds(30);
  }

  PollHealth(ChannelProbe polling) {
    this.polling = polling;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      Response response = chain.proceed(chain.request());
      if (response.code() == 200) {
        polling.up();
      } else {
        polling.down("getUpdates answered " + response.code());
      }
      return response;
    } catch (IOException e) {
      if (!chain.call().isCanceled()) {
        polling.down("getUpdates failed: " + e.getClass().getSimpleName());
      }
      throw e;
    }
  }
}
