package org.aidbridge.bot.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidbridge.bot.model.Item;
import org.aidbridge.bot.model.Listing;
import org.aidbridge.bot.place.NameNormalizer;

/**
 * How well what is needed and what is offered agree word for word: Okapi BM25 with the need's words
 * as the query and the offer's as the document, over the items' canonical names and the content
 * words of the text, each mapped through {@link ItemSynonyms} so that "insulina" and "انسولین" are
 * the word "insulin". Function words, cue words ("need", "ofrezco") and the words of the place are
 * left out: the place counts already, by distance.
 *
 * <p>Document frequencies come from the open listings of the {@link MatchIndex}; the result is
 * divided by the most the need's words could score, so it lies between 0 and 1.
 */
final class TextRelevance {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Set<String> STOP_WORDS = load("/match/stopwords.txt");

  private final ConcurrentHashMap<String, Integer> vocabulary = new ConcurrentHashMap<>();
  private final AtomicInteger nextTerm = new AtomicInteger();
  // Statistics over the indexed listings; changed only under the index's write lock.
  private int[] documentFrequency = new int[1024];
  private long documents;
  private long totalLength;

  /** The listing's term ids, sorted, one per occurrence. */
  int[] termsOf(Listing listing) {
    ItemSynonyms synonyms = ItemSynonyms.shared();
    Set<String> placeWords = new HashSet<>();
    if (listing.place() != null) {
      placeWords.addAll(Arrays.asList(NameNormalizer.normalize(listing.place().text()).split(" ")));
    }
    int[] terms = new int[listing.items().size() + 16];
    int count = 0;
    for (Item item : listing.items()) {
      terms = grow(terms, count);
      terms[count++] = term(synonyms.canonical(item.name()));
    }
    for (String word : NameNormalizer.normalize(listing.text()).split(" ")) {
      if (isContentWord(word) && !placeWords.contains(word)) {
        terms = grow(terms, count);
        terms[count++] = term(synonyms.canonical(word));
      }
    }
    int[] result = Arrays.copyOf(terms, count);
    Arrays.sort(result);
    return result;
  }

  void add(int[] terms) {
    forEachDistinct(terms, t -> documentFrequency[t]++);
    documents++;
    totalLength += terms.length;
  }

  void remove(int[] terms) {
    forEachDistinct(terms, t -> documentFrequency[t]--);
    documents--;
    totalLength -= terms.length;
  }

  /** From 0 (no word of the need in the offer) to 1 (every one, as often as it could count). */
  double relevance(int[] need, int[] offer) {
    if (need.length == 0 || offer.length == 0) {
      return 0;
    }
    double avgLength = documents == 0 ? offer.length : (double) totalLength / documents;
    double lengthNorm = K1 * (1 - B + B * offer.length / Math.max(1, avgLength));
    double most = 0;
    double got = 0;
    int j = 0;
    for (int i = 0; i < need.length; i++) {
      int t = need[i];
      if (i > 0 && need[i - 1] == t) {
        continue;
      }
      double idf = idf(t);
      most += idf * (K1 + 1);
      while (j < offer.length && offer[j] < t) {
        j++;
      }
      int tf = 0;
      while (j < offer.length && offer[j] == t) {
        tf++;
        j++;
      }
      if (tf > 0) {
        got += idf * tf * (K1 + 1) / (tf + lengthNorm);
      }
    }
    return most == 0 ? 0 : got / most;
  }

  /**
   * The most {@link #relevance} can give the need's words with any indexed offer: only words some
   * indexed listing has can count.
   */
  double mostRelevance(int[] need) {
    double most = 0;
    double found = 0;
    for (int i = 0; i < need.length; i++) {
      int t = need[i];
      if (i > 0 && need[i - 1] == t) {
        continue;
      }
      double idf = idf(t);
      most += idf;
      if (t < documentFrequency.length && documentFrequency[t] > 0) {
        found += idf;
      }
    }
    return most == 0 ? 0 : Math.min(1, found / most + 1e-9);
  }

  private double idf(int term) {
    long df = term < documentFrequency.length ? documentFrequency[term] : 0;
    long n = Math.max(documents, df);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The words of the term ids given so far, each at its id (for a snapshot). */
  String[] words() {
    String[] words = new String[nextTerm.get()];
    vocabulary.forEach((word, id) -> words[id] = word);
    return words;
  }

  /** The term id of {@code word}, given it now if it has none yet. */
  int term(String word) {
    Integer id = vocabulary.get(word);
    if (id != null) {
      return id;
    }
    return vocabulary.computeIfAbsent(word.intern(), w -> nextTerm.getAndIncrement());
  }

  private void forEachDistinct(int[] terms, java.util.function.IntConsumer action) {
    for (int i = 0; i < terms.length; i++) {
      if (i == 0 || terms[i - 1] != terms[i]) {
        if (terms[i] >= documentFrequency.length) {
          documentFrequency =
              Arrays.copyOf(
                  documentFrequency, Math.max(terms[i] + 1, documentFrequency.length * 2));
        }
        action.accept(terms[i]);
      }
    }
  }

  private static boolean isContentWord(String word) {
    if (word.length() < 2 || STOP_WORDS.contains(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return false; // quantities, phone numbers, dates
      }
    }
    return true;
  }

  private static int[] grow(int[] terms, int count) {
    return count < terms.length ? terms : Arrays.copyOf(terms, terms.length * 2);
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = TextRelevance.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.addAll(Arrays.asList(NameNormalizer.normalize(line).split(" ")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
