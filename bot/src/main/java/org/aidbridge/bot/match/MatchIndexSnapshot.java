package org.aidbridge.bot.match;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
  private static final long MAGIC = 0x4149_4442_4958_0003L; // "AIDBIX", format 3
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
    Optional<SnapshotFile> file = store.matchIndexSnapshotFile();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    long forgettings = file.get().forgettings();
    Optional<ListingChangeMark> mark = store.lastListingChange();
    if (mark.isEmpty()) {
      return Optional.empty();
    }
    TextRelevance text = new TextRelevance();
    List<MatchProfile> profiles = new ArrayList<>();
    long after = 0;
    List<Listing> page;
    do {
      page = store.activeListingsAfter(after, pageSize);
      page.forEach(l -> profiles.add(MatchProfile.of(l, text)));
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == pageSize);
    try {
      if (!file.get().replace(encode(mark.get(), text.words(), profiles), forgettings)) {
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
   * The file's body: the words of the text relevance, the item names and the authors each once,
   * then the profiles naming them by number ({@link KeptFiles#replaceChecked} puts a CRC-32 after
   * it).
   */
  static byte[] encode(ListingChangeMark mark, String[] words, List<MatchProfile> profiles)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + profiles.size() * 96);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeLong(MAGIC);
    out.writeLong(CODE);
    writeString(out, mark.databaseId());
    out.writeLong(mark.seq());
    out.writeLong(mark.token());
    writeStrings(out, List.of(words));
    Map<String, Integer> items = numbered(profiles, p -> List.of(p.items));
    Map<String, Integer> authors = numbered(profiles, p -> List.of(p.author));
    writeStrings(out, items.keySet());
    writeStrings(out, authors.keySet());
    out.writeInt(profiles.size());
    for (MatchProfile p : profiles) {
      out.writeLong(p.id);
      out.writeByte(p.kind.ordinal());
      out.writeInt(p.categories);
      out.writeShort(p.items.length);
      for (String item : p.items) {
        out.writeInt(items.get(item));
      }
      out.writeDouble(p.lat);
      out.writeDouble(p.lon);
      out.writeByte((p.ships ? 1 : 0) | (p.urgent ? 2 : 0));
      out.writeLong(p.createdAt);
      out.writeLong(p.expiresAt);
      out.writeInt(authors.get(p.author));
      out.writeInt(p.terms.length);
      for (int t : p.terms) {
        out.writeInt(t);
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** Each distinct string of the profiles, numbered in the order first met. */
  private static Map<String, Integer> numbered(
      List<MatchProfile> profiles, Function<MatchProfile, List<String>> strings) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (MatchProfile p : profiles) {
      for (String s : strings.apply(p)) {
        numbers.putIfAbsent(s, numbers.size());
      }
    }
    return numbers;
  }

  private static void writeStrings(DataOutputStream out, Collection<String> strings)
      throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      writeString(out, s);
    }
  }

  /** The snapshot's profiles but those of the listings {@code changed} since it was written. */
  private static List<MatchProfile> profiles(
      SnapshotInput in, TextRelevance text, Set<Long> changed) throws IOException {
    int[] termIds = new int[in.getInt()];
    for (int i = 0; i < termIds.length; i++) {
      termIds[i] = text.term(in.string());
    }
    String[] items = in.strings();
    for (int i = 0; i < items.length; i++) {
      items[i] = items[i].intern(); // as a profile made from a listing holds them
    }
    String[] authors = in.strings();
    int count = in.getInt();
    List<MatchProfile> profiles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      MatchProfile p = profile(in, termIds, items, authors);
      if (!changed.contains(p.id)) {
        profiles.add(p);
      }
    }
    if (!in.atChecksum()) {
      throw new IllegalStateException("trailing bytes");
    }
    return profiles;
  }

  private static MatchProfile profile(
      SnapshotInput in, int[] termIds, String[] itemNames, String[] authors) throws IOException {
    long id = in.getLong();
    Kind kind = KINDS[in.get()];
    int categories = in.getInt();
    String[] items = new String[in.getShort()];
    for (int j = 0; j < items.length; j++) {
      items[j] = itemNames[in.getInt()];
    }
    double lat = in.getDouble();
    double lon = in.getDouble();
    byte flags = in.get();
    long createdAt = in.getLong();
    long expiresAt = in.getLong();
    String author = authors[in.getInt()];
    int[] terms = new int[in.getInt()];
    for (int j = 0; j < terms.length; j++) {
      terms[j] = termIds[in.getInt()];
    }
    Arrays.sort(terms); // ids given in this process may order the words otherwise
    boolean ships = (flags & 1) != 0;
    boolean urgent = (flags & 2) != 0;
    return new MatchProfile(
        id, kind, categories, items, lat, lon, ships, urgent, createdAt, expiresAt, author, terms);
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
