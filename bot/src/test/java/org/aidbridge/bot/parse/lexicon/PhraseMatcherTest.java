package org.aidbridge.bot.parse.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PhraseMatcher} walks the phrases as a tree of words. These tests hold it to the plain
 * reading of a phrase, one phrase at a time ({@link OnePhraseAtATime}): same hits, same ends, same
 * order, on the shipped lexicons and on random word sequences made of their words.
 */
class PhraseMatcherTest {

  private static final List<String> LANGUAGES = List.of("en", "es", "fa");

  @Test
  void aGapTakesTheFewestWordsThatLetThePhraseEnd() {
    Phrase phrase = LexiconEntries.compile("anyone ~ need", "need", false, false);
    PhraseMatcher matcher = new PhraseMatcher(List.of(phrase));

    List<Hit> hits = matcher.findAll(tokens("anyone here need water need"));

    assertThat(hits).containsExactly(new Hit(phrase, 0, 3));
  }

  @Test
  void pluralsOnlyWhereAskedAndOnlyForWordsOfThreeLettersOrMore() {
    Phrase box = LexiconEntries.compile("box", "category:food", false, false);
    Phrase as = LexiconEntries.compile("a", "category:other", false, false);
    List<Token> words = tokens("boxes as box");

    assertThat(new PhraseMatcher(List.of(box, as), true).findAll(words))
        .containsExactly(new Hit(box, 0, 1), new Hit(box, 2, 3));
    assertThat(new PhraseMatcher(List.of(box, as), false).findAll(words))
        .containsExactly(new Hit(box, 2, 3));
  }

  @Test
  void phrasesAtOneStartComeInTheOrderTheLexiconListsThem() {
    Phrase second = LexiconEntries.compile("can give", "offer", false, false);
    Phrase first = LexiconEntries.compile("can ~ give", "offer.weak", false, false);
    Phrase prefix = LexiconEntries.compile("ca* give", "offer.question", false, false);
    PhraseMatcher matcher = new PhraseMatcher(List.of(first, prefix, second));

    assertThat(matcher.findAll(tokens("can give")))
        .containsExactly(new Hit(first, 0, 2), new Hit(second, 0, 2), new Hit(prefix, 0, 2));
  }

  @Test
  void theShippedLexiconsFindWhatOnePhraseAtATimeFinds() {
    Random random = new Random(20261203);
    for (String language : LANGUAGES) {
      LexiconEntries entries = new LexiconEntries(read(language));
      for (boolean plurals : List.of(false, true)) {
        List<Phrase> phrases = plurals ? categories(entries) : cues(entries);
        PhraseMatcher matcher = new PhraseMatcher(phrases, plurals);
        OnePhraseAtATime reference = new OnePhraseAtATime(phrases, plurals);
        List<String> vocabulary = vocabulary(phrases);
        int withHits = 0;
        for (int sample = 0; sample < 3_000; sample++) {
          List<Token> words = randomWords(phrases, vocabulary, random);
          List<Hit> expected = reference.findAll(words);
          assertThat(matcher.findAll(words)).as("%s %s", language, words).isEqualTo(expected);
          withHits += expected.isEmpty() ? 0 : 1;
        }
        // The samples must exercise the matcher, not only agree on finding nothing.
        assertThat(withHits).as(language).isGreaterThan(2_500);
      }
    }
  }

  private static List<Phrase> cues(LexiconEntries entries) {
    List<Phrase> phrases = new ArrayList<>();
    for (String tag : Lexicon.CUE_TAGS) {
      phrases.addAll(entries.phrases(tag, tag));
    }
    phrases.addAll(entries.phrases("urgency.high", "urgency.high"));
    return phrases;
  }

  private static List<Phrase> categories(LexiconEntries entries) {
    List<Phrase> phrases = new ArrayList<>();
    for (String key : List.of("category.food", "category.medicine", "category.clothing")) {
      phrases.addAll(entries.phrases(key, Lexicon.CATEGORY_TAG + key));
    }
    return phrases;
  }

  /** The phrases' words, their plurals, longer words they begin, numbers and other words. */
  private static List<String> vocabulary(List<Phrase> phrases) {
    Set<String> words = new LinkedHashSet<>(List.of("2", "15", "the", "xyz", "s", "es"));
    for (Phrase phrase : phrases) {
      for (String word : phrase.words()) {
        if (!word.equals(Phrase.GAP) && !word.equals(Phrase.NUMBER)) {
          words.addAll(List.of(word, word + "s", word + "es", word + "ing"));
        }
      }
    }
    return new ArrayList<>(words);
  }

  /**
   * Random words with whole phrases written in among them, their gaps filled with zero to six words
   * (one more than a gap takes), so that long phrases, gaps and overlaps all occur.
   */
  private static List<Token> randomWords(
      List<Phrase> phrases, List<String> vocabulary, Random random) {
    List<String> words = new ArrayList<>();
    int parts = 1 + random.nextInt(4);
    for (int part = 0; part < parts; part++) {
      if (part > 0 && random.nextBoolean()) {
        words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        continue;
      }
      for (String word : phrases.get(random.nextInt(phrases.size())).words()) {
        if (word.equals(Phrase.GAP)) {
          for (int fill = random.nextInt(Phrase.MAX_GAP + 2); fill > 0; fill--) {
            words.add(vocabulary.get(random.nextInt(vocabulary.size())));
          }
        } else {
          words.add(word.equals(Phrase.NUMBER) ? "3" : word + (random.nextInt(8) == 0 ? "s" : ""));
        }
      }
    }
    return words.stream().map(word -> new Token(word, word)).toList();
  }

  private static List<Token> tokens(String text) {
    return Tokenizer.tokenize(TextNormalizer.normalize(text)).tokens();
  }

  private static Properties read(String language) {
    String resource = "lexicon/" + language + ".properties";
    try (InputStream in = PhraseMatcherTest.class.getClassLoader().getResourceAsStream(resource)) {
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The matcher as it was before the tree: each phrase indexed by its first word and tried on its
   * own, a gap's shortest fill first.
   */
  private static final class OnePhraseAtATime {
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final Map<String, List<Phrase>> byFirstPrefix = new HashMap<>();
    private final boolean plurals;
    private final int[] prefixLengths;

    OnePhraseAtATime(List<Phrase> phrases, boolean plurals) {
      this.plurals = plurals;
      for (Phrase phrase : phrases) {
        Map<String, List<Phrase>> index = phrase.prefix().get(0) ? byFirstPrefix : byFirstWord;
        index.computeIfAbsent(phrase.words().get(0), k -> new ArrayList<>()).add(phrase);
      }
      prefixLengths =
          byFirstPrefix.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
    }

    List<Hit> findAll(List<Token> tokens) {
      List<Hit> hits = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        String key = tokens.get(i).key();
        if (tokens.get(i).isNumber()) {
          add(byFirstWord.get(Phrase.NUMBER), tokens, i, hits);
        }
        add(byFirstWord.get(key), tokens, i, hits);
        if (plurals && key.endsWith("s")) {
          add(byFirstWord.get(key.substring(0, key.length() - 1)), tokens, i, hits);
          if (key.endsWith("es")) {
            add(byFirstWord.get(key.substring(0, key.length() - 2)), tokens, i, hits);
          }
        }
        for (int length : prefixLengths) {
          if (length <= key.length()) {
            add(byFirstPrefix.get(key.substring(0, length)), tokens, i, hits);
          }
        }
      }
      return hits;
    }

    private void add(List<Phrase> candidates, List<Token> tokens, int i, List<Hit> out) {
      for (Phrase phrase : candidates == null ? List.<Phrase>of() : candidates) {
        int end = matchFrom(phrase, tokens, i, 0);
        if (end > i) {
          out.add(new Hit(phrase, i, end));
        }
      }
    }

    private int matchFrom(Phrase phrase, List<Token> tokens, int pos, int index) {
      int p = pos;
      for (int w = index; w < phrase.words().size(); w++) {
        if (Phrase.GAP.equals(phrase.words().get(w))) {
          for (int skip = 0; skip <= Phrase.MAX_GAP && p + skip <= tokens.size(); skip++) {
            int end = matchFrom(phrase, tokens, p + skip, w + 1);
            if (end >= 0) {
              return end;
            }
          }
          return -1;
        }
        if (p >= tokens.size() || !wordMatches(phrase, w, tokens.get(p))) {
          return -1;
        }
        p++;
      }
      return p;
    }

    private boolean wordMatches(Phrase phrase, int w, Token token) {
      String word = phrase.words().get(w);
      String key = token.key();
      if (Phrase.NUMBER.equals(word)) {
        return token.isNumber();
      }
      if (phrase.prefix().get(w)) {
        return key.startsWith(word);
      }
      int extra = key.length() - word.length();
      boolean plural =
          word.length() >= 3
              && (extra == 1 && key.endsWith("s") || extra == 2 && key.endsWith("es"))
              && key.startsWith(word);
      return key.equals(word) || plurals && plural;
    }
  }
}
