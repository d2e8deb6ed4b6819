package org.aidbridge.routes.scenario;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log event at INFO or above, from any thread, kept as the line an operator would read: the
 * logger, the formatted message and the whole chain of any exception.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  /** One captured line. */
  record Line(String logger, Level level, String text) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final Logger root;

  private CapturedLogs(Logger root) {
    this.root = root;
  }

  /** Attaches a new capture to the root logger. */
  static CapturedLogs attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    CapturedLogs logs = new CapturedLogs(root);
    logs.setContext(context);
    logs.setName("scenario-capture");
    logs.start();
    root.addAppender(logs);
    return logs;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
      return;
    }
    StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    lines.add(new Line(event.getLoggerName(), event.getLevel(), text.toString()));
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
