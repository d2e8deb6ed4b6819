package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import org.aidbridge.bot.BotService;
import org.aidbridge.bot.model.InboundMessage;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Signal routes: connect to the daemon once Camel runs, and hand each incoming message to the
 * core, which stores it before acting on it (and ignores one it has already handled).
 */
final class SignalRoutes extends RouteBuilder {
  static final String INBOUND = "direct:signal-inbound";

  private final SignalConnection connection;
  private final SignalInbound inbound;
  private final BotService bot;

  SignalRoutes(SignalConnection connection, SignalInbound inbound, BotService bot) {
    this.connection = connection;
    this.inbound = inbound;
    this.bot = bot;
  }

  @Override
  public void configure() {
    errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(200));

    from("timer:signal-connect?repeatCount=1&delay=0")
        .routeId("signal-connect")
        .process(exchange -> connection.start(exchange.getContext().createProducerTemplate()));

    from(INBOUND)
        .routeId("signal-inbound")
        .process(
            e ->
                e.getIn()
                    .setBody(inbound.toInbound(e.getIn().getBody(JsonNode.class)).orElse(null)))
        .filter(body().isNotNull())
        .process(e -> bot.handle(e.getIn().getBody(InboundMessage.class)));
  }
}
