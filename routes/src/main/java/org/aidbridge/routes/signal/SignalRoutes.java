package org.aidbridge.routes.signal;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Signal route: connect to the daemon once Camel runs. Incoming messages do not travel through
 * Camel: each is stored the moment it is read and handled from the store ({@link
 * SignalConnection}), so stopping the routes cannot lose one.
 */
final class SignalRoutes extends RouteBuilder {
  private final SignalConnection connection;

  SignalRoutes(SignalConnection connection) {
    this.connection = connection;
  }

  @Override
  public void configure() {
    from("timer:signal-connect?repeatCount=1&delay=0")
        .routeId("signal-connect")
        .process(exchange -> connection.startIfWanted());
  }
}
