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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.aidbridge.bot.KeptFiles;
import org.aidbridge.bot.model.Kind;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.store.ListingsVersion;
import org.aidbridge.bot.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match index's profiles in a file beside the database, so that a start reads one file instead
 * of every active listing (at 100,000 listings about two seconds of a processor less). It is a
 * cache of a cache: written from the store (never from memory) in one transaction at a graceful
 * stop, with the {@link ListingsVersion} the store said in that transaction, the code that made the
 * profiles ({@link #CODE}: the build: {@link org.aidbridge.bot.BuildChecksum}) and a checksum; a
 * start uses it only when all of them are still what it finds, and reads the store otherwise. A
 * version is drawn anew by the database with every change to the listings (by this instance,
 * another one, a command), so a snapshot left behind by a killed run or before another instance's
 * writes, a snapshot of another database, or of a backup that went on otherwise, is never used.
 */
final class MatchIndexSnapshot {
  private static final Logger LOG = LoggerFactory.getLogger(MatchIndexSnapshot.class);
  private static final long MAGIC = 0x4149_4442_4958_0002L; // "AIDBIX", format 2
  private static final Kind[] KINDS = Kind.values();

  private MatchIndexSnapshot() {}

  /** A profile list read from a snapshot, and the version of the listings it holds. */
  record Loaded(ListingsVersion version, List<MatchProfile> profiles) {}

  /**
   * Writes {@code store}'s active listings to its snapshot file, if it keeps one: read in one
   * transaction with the version of the listings, written to a new file that then replaces the old
   * one. False when the store keeps no snapshot.
   */
  static boolean write(Store store, int pageSize) {
    Optional<Path> file = store.matchIndexSnapshotFile();
    if (file.isEmpty()) {
      return false;
    }
    TextRelevance text = new TextRelevance();
    List<MatchProfile> profiles = new ArrayList<>();
    ListingsVersion version =
        store.inTransaction(
            () -> {
              Optional<ListingsVersion> now = store.listingsVersion();
              if (now.isEmpty()) {
                return null;
              }
              long after = 0;
              List<Listing> page;
              do {
                page = store.activeListingsAfter(after, pageSize);
                page.forEach(l -> profiles.add(MatchProfile.of(l, text)));
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
              } while (page.size() == pageSize);
              return now.get();
            });
    if (version == null) {
      return false;
    }
    try {
      KeptFiles.replaceChecked(file.get(), encode(version, text.words(), profiles));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the match index snapshot", e);
    }
    return true;
  }

  /**
   * The profiles of {@code store}'s snapshot, their terms given ids in {@code text}, when the
   * snapshot is whole, was made by this code and holds the version the store says now; empty
   * otherwise (no snapshot, an older one, another database's, a damaged one). The file is read in
   * pieces, never held whole in memory: its checksum first, then the profiles.
   */
  static Optional<Loaded> read(Store store, TextRelevance text) {
    Optional<Path> file = store.matchIndexSnapshotFile();
    file.ifPresent(MatchIndexSnapshot::deleteHalfWritten);
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return Optional.empty();
    }
    try (SnapshotInput in = new SnapshotInput(file.get())) {
      // Read once: while the bot runs, a person it forgets must not stay in a file beside it. The
      // open file is read on after its name is gone.
      Files.delete(file.get());
      if (!in.whole() || in.getLong() != MAGIC || in.getLong() != CODE) {
        LOG.info("match index: the snapshot is damaged or of other code; reading the store");
        return Optional.empty();
      }
      ListingsVersion version = new ListingsVersion(in.string(), in.getLong());
      if (!store.listingsVersion().map(version::equals).orElse(false)) {
        LOG.info("match index: the listings changed since the snapshot; reading the store");
        return Optional.empty();
      }
      return Optional.of(new Loaded(version, profiles(in, text)));
    } catch (IOException | RuntimeException e) {
      LOG.info("match index: the snapshot could not be read ({}); reading the store", e.toString());
      return Optional.empty();
    }
  }

  /** What a stop killed while it wrote its snapshot left (holding what the snapshot holds). */
  private static void deleteHalfWritten(Path file) {
    try (java.nio.file.DirectoryStream<Path> left =
        Files.newDirectoryStream(file.getParent(), file.getFileName() + KeptFiles.NEW + "*")) {
      for (Path f : left) {
        Files.deleteIfExists(f);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("match index: a half-written snapshot could not be deleted", e);
    }
  }

  /**
   * The file's body: the words of the text relevance, the item names and the authors each once,
   * then the profiles naming them by number ({@link KeptFiles#replaceChecked} puts a CRC-32 after
   * it).
   */
  static byte[] encode(ListingsVersion version, String[] words, List<MatchProfile> profiles)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + profiles.size() * 96);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeLong(MAGIC);
    out.writeLong(CODE);
    writeString(out, version.databaseId());
    out.writeLong(version.version());
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

  private static List<MatchProfile> profiles(SnapshotInput in, TextRelevance text)
      throws IOException {
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
      profiles.add(profile(in, termIds, items, authors));
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
