package org.aidbridge.bot.place;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aidbridge.bot.ThreadCpu;
import org.aidbridge.bot.model.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gazetteer shipped in the jar ({@link Gazetteer#loadDefault}), read on a thread of its own
 * from the moment the application asks for it: reading its 135,000 places from the resource takes
 * about half a second of a processor (a tenth of that when an earlier start kept them beside the
 * jar, {@code PlaceTableFile}), which the routes do not wait for. The first message that needs a
 * place before it is read waits for it instead (the JVM loads it once, whichever thread comes
 * first), so no answer is given without it.
 */
public final class ShippedPlaces implements PlaceFinder {
  private static final Logger LOG = LoggerFactory.getLogger(ShippedPlaces.class);
  private static final ShippedPlaces INSTANCE = new ShippedPlaces();
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static volatile boolean read;

  private ShippedPlaces() {}

  /** The shipped gazetteer, its reading started in the background if it was not yet. */
  public static PlaceFinder loadingInBackground() {
    if (STARTED.compareAndSet(false, true)) {
      Thread thread = new Thread(ShippedPlaces::load, "gazetteer-load");
      thread.setDaemon(true);
      thread.start();
    }
    return INSTANCE;
  }

  /**
   * Whether the gazetteer is read, or was never asked for (then nothing waits for it): for {@code
   * /health}, which says a start is complete only when parsing a message waits for nothing.
   */
  public static boolean readOrNotAsked() {
    return read || !STARTED.get();
  }

  private static void load() {
    long start = System.nanoTime();
    Gazetteer.loadDefault();
    read = true;
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "gazetteer: read in {} ms, {} ms of processor time",
          (System.nanoTime() - start) / 1_000_000,
          ThreadCpu.millis());
    }
  }

  @Override
  public Optional<Place> findIn(String text, String language, String homeCountry) {
    return Gazetteer.loadDefault().findIn(text, language, homeCountry);
  }

  @Override
  public Optional<Place> resolve(String name, String homeCountry) {
    return Gazetteer.loadDefault().resolve(name, homeCountry);
  }
}
