package org.aidbridge.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aidbridge.bot.parse.LexiconParser;
import org.aidbridge.bot.parse.ParseContext;
import org.aidbridge.bot.parse.ParsedMessage;
import org.aidbridge.bot.place.Gazetteer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Messages parsed per second, one thread, with the gazetteer resolving places. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ParseBenchmark {
  /** Also read by {@link ParseCpuHarness}. */
  static final List<String> MESSAGES =
      List.of(
          "I need insulin in Portland, urgent",
          "can give 2 bags of rice, Flint MI",
          "thanks everyone for yesterday!",
          "Does anyone need a ride to the clinic in Oakland tomorrow?",
          "people in the camp near Marion, Indiana have no water",
          "necesito pañales talla 3 en Ciudad Juárez, urgente",
          "ofrezco dos cajas de agua en Monterrey hasta el lunes",
          "¿alguien necesita ropa de abrigo? tengo en Guadalajara",
          "۳ بسته پوشک برای بچه در شیراز نیاز داریم، فوری",
          "کسی وثیقه لازم دارد؟ در تهران می‌توانیم کمک کنیم",
          "سلام به همه، ممنون از کمک‌هاتون",
          "$500 bail needed for a protester in Minneapolis ASAP");

  private LexiconParser parser;
  private ParseContext context;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    parser = new LexiconParser(Gazetteer.loadDefault());
    context = ParseContext.at(Instant.parse("2026-05-01T10:00:00Z"));
  }

  @Benchmark
  public ParsedMessage parseOneMessage() {
    return parser.parse(MESSAGES.get(next++ % MESSAGES.size()), context);
  }
}
