package org.aidbridge.bot.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.aidbridge.bot.place.PlaceFinder;
import org.junit.jupiter.api.Test;

/**
 * The gate is trained on a thread of its own, so that making a parser (and starting {@code run})
 * does not wait for it; only a message parsed before it is done waits, and then reads with it.
 */
class GateTrainingTest {
  private static final ParseContext CONTEXT =
      ParseContext.at(Instant.parse("2026-05-01T10:00:00Z"));
  private static final String HALF_SURE = "I need some help with something this week";

  @Test
  void aParseBeforeTheGateIsTrainedWaitsForItAndReadsWithIt() {
    CompletableFuture<KindGate> gate = new CompletableFuture<>();
    LexiconParser parser = LexiconParser.waitingFor(gate, PlaceFinder.NONE);

    CompletableFuture<ParsedMessage> parsed =
        CompletableFuture.supplyAsync(() -> parser.parse(HALF_SURE, CONTEXT));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !parsed.isDone());

    gate.complete(KindGate.shared());

    double gated =
        new LexiconParser(PlaceFinder.NONE, KindGate.shared())
            .parse(HALF_SURE, CONTEXT)
            .confidence();
    double rulesOnly =
        new LexiconParser(PlaceFinder.NONE, (KindGate) null).parse(HALF_SURE, CONTEXT).confidence();
    assertThat(gated).isNotEqualTo(rulesOnly);
    assertThat(parsed.join().confidence()).isEqualTo(gated);
  }

  @Test
  void theSharedGateIsTrainedOnAThreadOfItsOwn() {
    KindGate.shared();

    assertThat(KindGate.trainedOn()).isEqualTo("kind-gate-training");
    assertThat(KindGate.training()).isSameAs(KindGate.training()).isCompleted();
  }
}
