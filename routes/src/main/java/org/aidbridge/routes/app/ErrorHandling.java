package org.aidbridge.routes.app;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one error handler of every route (referenced by {@link #ID}): a failing exchange is logged
 * and marked handled, so a consumer such as a timer keeps running. Exception messages may quote
 * addresses, so at WARN only the exception type is logged; the message goes to DEBUG.
 */
public final class ErrorHandling extends RouteConfigurationBuilder {
  public static final String ID = "aidbridge-errors";

  @Override
  public void configuration() {
    routeConfiguration(ID)
        .onException(Exception.class)
        .handled(true)
        .log(
            LoggingLevel.WARN,
            "org.aidbridge.routes.app.ErrorHandling",
            "route ${routeId} failed with ${exception.class.simpleName}; it keeps running")
        .log(
            LoggingLevel.DEBUG,
            "org.aidbridge.routes.app.ErrorHandling",
            "route ${routeId} failure: ${exception.message}");
  }
}
