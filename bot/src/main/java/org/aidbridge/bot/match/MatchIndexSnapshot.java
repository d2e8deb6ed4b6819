package org.aidbridge.bot.match;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aidbridge.bot.KeptFiles;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.ListingChangeMark;
import org.aidbridge.bot.store.SnapshotFile;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match index's profiles in a file beside the database, so that a start reads one file and the
 * listings changed since it was written instead of every active listing (at 100,000 listings
 * seconds of a processor less). It is a cache of a cache: written from the store (never from
 * memory) while the bot runs and at a graceful stop, naming the last row of the database's journal
 * of listing changes it had seen ({@link ListingChangeMark}), the code that made the profiles
 * ({@link #CODE}: the build: {@link org.aidbridge.bot.BuildChecksum}) and a checksum. A start uses
 * it only when all of them still hold, and reads again from the store every listing the journal
 * says changed after that row; it reads the whole store otherwise. The database adds a journal row
 * with every change to the listings (by this instance, another one, a command), so a snapshot
 * written before a kill or before another instance's writes serves once the changes since are read,
 * and one of another database, of a backup that went on otherwise, or older than the journal's
 * first row, is never used.
 */
final class MatchIndexSnapshot {
  private static final Logger LOG = LoggerFactory.getLogger(MatchIndexSnapshot.class);
  private static final long MAGIC = 0x4149_4442_4958_0004L; // "AIDBIX", format 4
  private static final byte END = 0;
  private static final byte PROFILE = 1;
  private static final byte WORDS = 2;
  private static final int NEW = -1;
  private static final int MAX_WORDS = 50_000_000;
  private static final Object WRITING = new Object();
  private static final Kind[] KINDS = Kind.values();
  private static final int READ_AGAIN_PAGE = 500;

  private MatchIndexSnapshot() {}

  /**
   * A profile list read from a snapshot and the store, in id order, and how many listings the
   * journal said had changed since the snapshot was written (each read again from the store).
   */
  record Loaded(List<MatchProfile> profiles, int changedSince) {}

  /**
   * Writes {@code store}'s active listings to its snapshot file, if it keeps one, then deletes the
   * journal's rows before the one it names. The journal's last row is read first, then the listings
   * a page at a time (the bot goes on between pages): whatever changes after that row is in the
   * journal after it, and a start reads it again from the store. The mark written, or empty when
   * nothing was: no file kept, or a person forgotten meanwhile ({@link SnapshotFile}).
   */
  static Optional<ListingChangeMark> write(Store store, int pageSize) {
    // One at a time in a process: a stop's snapshot may begin while the timer's is still written,
    // and both would write the same new file (named by the process).
    synchronized (WRITING) {
      return writeAlone(store, pageSize);
    }
  }

  private static Optional<ListingChangeMark> writeAlone(Store store, int pageSize) {
    Optional<SnapshotFile> file = store.matchIndexSnapshotFile();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    long forgettings = file.get().forgettings();
    Optional<ListingChangeMark> mark = store.lastListingChange();
    if (mark.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (!file.get().replace(out -> writeBody(out, store, mark.get(), pageSize), forgettings)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the match index snapshot", e);
    }
    store.forgetListingChangesBefore(mark.get());
    return mark;
  }

  /**
   * The profiles of {@code store}'s active listings, their terms given ids in {@code text}: those
   * of the snapshot, but for the listings changed since it was written, which are read from the
   * store. Empty when the snapshot cannot be used (none, an older format or build, another
   * database's, a damaged one, one the journal no longer reaches back to). The file is read in
   * pieces, never held whole in memory: its checksum first, then the profiles.
   */
  static Optional<Loaded> read(Store store, TextRelevance text) {
    Optional<SnapshotFile> file = store.matchIndexSnapshotFile();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Path path = file.get().path();
    KeptFiles.deleteLeftBehind(path); // by a writer killed meanwhile
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try (SnapshotInput in = new SnapshotInput(path)) {
      if (!in.whole() || in.getLong() != MAGIC || in.getLong() != CODE) {
        LOG.info("match index: the snapshot is damaged or of other code; reading the store");
        return Optional.empty();
      }
      ListingChangeMark mark = new ListingChangeMark(in.string(), in.getLong(), in.getLong());
      Optional<Set<Long>> changed = store.listingsChangedAfter(mark);
      if (changed.isEmpty()) {
        LOG.info(
            "match index: the snapshot is of another database, or older than the journal of"
                + " listing changes; reading the store");
        return Optional.empty();
      }
      List<MatchProfile> profiles = profiles(in, text, changed.get());
      profiles.addAll(readAgain(store, changed.get(), text));
      profiles.sort(Comparator.comparingLong(p -> p.id));
      return Optional.of(new Loaded(profiles, changed.get().size()));
    } catch (IOException | RuntimeException e) {
      LOG.info("match index: the snapshot could not be read ({}); reading the store", e.toString());
      return Optional.empty();
    }
  }

  /** The profiles of the listings among {@code ids} that are active now, read from the store. */
  private static List<MatchProfile> readAgain(Store store, Set<Long> ids, TextRelevance text) {
    List<MatchProfile> profiles = new ArrayList<>();
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += READ_AGAIN_PAGE) {
      List<Long> page = all.subList(from, Math.min(all.size(), from + READ_AGAIN_PAGE));
      for (Listing l : store.listingsByIds(page)) {
        if (l.status().active()) {
          profiles.add(MatchProfile.of(l, text));
        }
      }
    }
    return profiles;
  }

  /**
   * The file's body, written as the listings are read, a page at a time, so that a snapshot of
   * 100,000 listings is never held in memory: the header, then for each page the words its profiles
   * brought to the text relevance ({@link #WORDS}) and its profiles ({@link #PROFILE}), then {@link
   * #END} ({@link KeptFiles#writeNewChecked} puts a CRC-32 after it). A profile names its words by
   * number, and its item names and author by number too, the first time with the string itself
   * ({@link Numbered}).
   */
  private static void writeBody(
      DataOutputStream out, Store store, ListingChangeMark mark, int pageSize) throws IOException {
    out.writeLong(MAGIC);
    out.writeLong(CODE);
    writeString(out, mark.databaseId());
    out.writeLong(mark.seq());
    out.writeLong(mark.token());
    TextRelevance text = new TextRelevance();
    Numbered items = new Numbered();
    Numbered authors = new Numbered();
    int wordsWritten = 0;
    long after = 0;
    List<Listing> page;
    do {
      page = store.activeListingsAfter(after, pageSize);
      List<MatchProfile> profiles = new ArrayList<>(page.size());
      page.forEach(l -> profiles.add(MatchProfile.of(l, text)));
      String[] words = text.words();
      if (words.length > wordsWritten) {
        out.writeByte(WORDS);
        out.writeInt(words.length - wordsWritten);
        for (int i = wordsWritten; i < words.length; i++) {
          writeString(out, words[i]);
        }
        wordsWritten = words.length;
      }
      for (MatchProfile p : profiles) {
        out.writeByte(PROFILE);
        writeProfile(out, p, items, authors);
      }
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == pageSize);
    out.writeByte(END);
  }

  private static void writeProfile(
      DataOutputStream out, MatchProfile p, Numbered items, Numbered authors) throws IOException {
    out.writeLong(p.id);
    out.writeByte(p.kind.ordinal());
    out.writeInt(p.categories);
    out.writeShort(p.items.length);
    for (String item : p.items) {
      items.write(out, item);
    }
    out.writeDouble(p.lat);
    out.writeDouble(p.lon);
    out.writeByte((p.ships ? 1 : 0) | (p.urgent ? 2 : 0));
    out.writeLong(p.createdAt);
    out.writeLong(p.expiresAt);
    authors.write(out, p.author);
    out.writeInt(p.terms.length);
    for (int t : p.terms) {
      out.writeInt(t);
    }
  }

  /**
   * Strings numbered in the order first written: a string met before is written as its number, a
   * new one as {@link #NEW} and the string (which then has the next number).
   */
  private static final class Numbered {
    private final Map<String, Integer> numbers = new HashMap<>();

    void write(DataOutputStream out, String s) throws IOException {
      Integer number = numbers.get(s);
      if (number != null) {
        out.writeInt(number);
        return;
      }
      numbers.put(s, numbers.size());
      out.writeInt(NEW);
      writeString(out, s);
    }
  }

  /** The strings a reader has met, by number (the reading side of {@link Numbered}). */
  private static final class Met {
    private final List<String> strings = new ArrayList<>();
    private final boolean intern;

    Met(boolean intern) {
      this.intern = intern;
    }

    String read(SnapshotInput in) throws IOException {
      int number = in.getInt();
      if (number == NEW) {
        String s = in.string();
        strings.add(intern ? s.intern() : s); // items interned, as a profile made from a listing
        return strings.get(strings.size() - 1);
      }
      if (number < 0 || number >= strings.size()) {
        throw new IOException("no string numbered " + number);
      }
      return strings.get(number);
    }
  }

  /** The snapshot's profiles but those of the listings {@code changed} since it was written. */
  private static List<MatchProfile> profiles(
      SnapshotInput in, TextRelevance text, Set<Long> changed) throws IOException {
    int[] termIds = new int[1024]; // the writer's term numbers, as ids of this text relevance
    int terms = 0;
    Met items = new Met(true);
    Met authors = new Met(false);
    List<MatchProfile> profiles = new ArrayList<>();
    for (byte tag = in.get(); tag != END; tag = in.get()) {
      if (tag == WORDS) {
        int count = in.getInt();
        if (count < 0 || terms + count > MAX_WORDS) {
          throw new IOException(count + " words");
        }
        termIds = Arrays.copyOf(termIds, Math.max(termIds.length, terms + count));
        for (int i = 0; i < count; i++) {
          termIds[terms++] = text.term(in.string());
        }
      } else if (tag == PROFILE) {
        MatchProfile p = profile(in, termIds, terms, items, authors);
        if (!changed.contains(p.id)) {
          profiles.add(p);
        }
      } else {
        throw new IOException("no part tagged " + tag);
      }
    }
    if (!in.atChecksum()) {
      throw new IllegalStateException("trailing bytes");
    }
    return profiles;
  }

  private static MatchProfile profile(
      SnapshotInput in, int[] termIds, int terms, Met itemNames, Met authors) throws IOException {
    long id = in.getLong();
    Kind kind = KINDS[in.get()];
    int categories = in.getInt();
    String[] items = new String[in.getShort()];
    for (int j = 0; j < items.length; j++) {
      items[j] = itemNames.read(in);
    }
    double lat = in.getDouble();
    double lon = in.getDouble();
    byte flags = in.get();
    long createdAt = in.getLong();
    long expiresAt = in.getLong();
    String author = authors.read(in);
    int[] profileTerms = new int[in.getInt()];
    for (int j = 0; j < profileTerms.length; j++) {
      int t = in.getInt();
      if (t < 0 || t >= terms) {
        throw new IOException("no word numbered " + t);
      }
      profileTerms[j] = termIds[t];
    }
    Arrays.sort(profileTerms); // ids given in this process may order the words otherwise
    boolean ships = (flags & 1) != 0;
    boolean urgent = (flags & 2) != 0;
    return new MatchProfile(
        id,
        kind,
        categories,
        items,
        lat,
        lon,
        ships,
        urgent,
        createdAt,
        expiresAt,
        author,
        profileTerms);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * The code that makes profiles: a profile depends on the parser's normalisation, the item
   * synonyms and the stop words, all in the build; any other build's snapshot is not used.
   */
  private static final long CODE = org.aidbridge.bot.BuildChecksum.value();
}
