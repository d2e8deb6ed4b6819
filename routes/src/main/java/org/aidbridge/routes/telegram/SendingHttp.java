package org.aidbridge.routes.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP client the bot sends with: each call runs on the thread that makes it, from the request
 * to reading and parsing the answer, instead of on a thread of OkHttp's own.
 *
 * <p>TelegramBots' {@code execute} is {@code executeAsync} and a wait: OkHttp runs the call on one
 * of its threads, which reads and parses Telegram's answer and then wakes the waiting thread. Until
 * that thread runs again, the send is not written down: Telegram has the message, and a kill in
 * that wait makes it go twice. On a loaded machine a woken thread waits for a CPU for milliseconds,
 * sometimes tens of them. Run on the calling thread, the answer is written down by the thread that
 * read it ({@link TelegramSender}, {@link AnswerPeek}), with no hand-off between; the calling
 * thread waited for the answer anyway.
 */
final class SendingHttp {
  /** OkHttp's limits on calls at once, high enough that no call queues behind another. */
  private static final int CALLS_AT_ONCE = 256;

  private SendingHttp() {}

  static OkHttpClient client(Duration callTimeout) {
    Dispatcher dispatcher = new Dispatcher(new CallingThread());
    dispatcher.setMaxRequests(CALLS_AT_ONCE);
    dispatcher.setMaxRequestsPerHost(CALLS_AT_ONCE);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .callTimeout(callTimeout)
        .addInterceptor(new AnswerPeek())
        .build();
  }

  /** Runs each task on the thread that hands it over, at once. */
  private static final class CallingThread extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return shutdown;
    }
  }
}
