package org.aidbridge.bot.parse.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds all lexicon phrases in a token list. The phrases are kept in a tree of words, so phrases
 * that begin alike ("can give", "can bring", "can drive" ... 67 English cues begin with "can") are
 * walked together: a token is compared once with each distinct word that may come next, not once
 * per phrase, whatever the lexicon's size.
 *
 * <p>What a phrase matches: its words in a row, where a word written {@code dona*} matches any word
 * it begins, {@code #} any number, and {@code ~} lets up to {@value Phrase#MAX_GAP} other words sit
 * between; where gaps allow several ends, the one with the shortest first gap (then the shortest
 * second) counts.
 */
public final class PhraseMatcher {

  private final Node root = new Node();
  private final boolean plurals;
  // The first words written as prefixes, shortest first, by the low byte of their first char: a
  // token is tried against those that begin as it does.
  private final Prefix[][] firstPrefixes = new Prefix[256][];

  /** A matcher of exact words. */
  public PhraseMatcher(List<Phrase> phrases) {
    this(phrases, false);
  }

  /**
   * A matcher that, if {@code plurals}, also takes a word with a plural ending for the word a
   * phrase lists (for names of things, not for cue phrases).
   */
  public PhraseMatcher(List<Phrase> phrases, boolean plurals) {
    this.plurals = plurals;
    for (int ordinal = 0; ordinal < phrases.size(); ordinal++) {
      Phrase phrase = phrases.get(ordinal);
      if (Phrase.GAP.equals(phrase.words().get(0))) {
        throw new IllegalArgumentException("a phrase cannot begin with a gap: " + phrase);
      }
      Node node = root;
      for (int w = 0; w < phrase.words().size(); w++) {
        node = node.child(phrase.words().get(w), phrase.prefix().get(w), plurals);
      }
      node.addEnd(new End(phrase, ordinal));
    }
    bucketFirstPrefixes();
  }

  private void bucketFirstPrefixes() {
    // Prefixes are tried shortest first, so hits keep the order they always had.
    List<Prefix> shortestFirst = new ArrayList<>(root.prefixes);
    shortestFirst.sort(Comparator.comparingInt(prefix -> prefix.start().length()));
    for (int bucket = 0; bucket < firstPrefixes.length; bucket++) {
      int low = bucket;
      firstPrefixes[bucket] =
          shortestFirst.stream()
              .filter(prefix -> (prefix.start().charAt(0) & 0xff) == low)
              .toArray(Prefix[]::new);
    }
  }

  /**
   * Every match of every phrase, in order of start; at one start, phrases found through a number
   * first, then through the word itself, its plural endings and its prefixes, each group in the
   * order the lexicon lists them.
   */
  public List<Hit> findAll(List<Token> tokens) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String key = token.key();
      if (key.isEmpty()) {
        continue;
      }
      if (token.isNumber()) {
        collect(root.number, tokens, i, hits);
      }
      Step step = root.words.get(key);
      if (step != null) {
        collect(step.word, tokens, i, hits);
        collect(step.pluralS, tokens, i, hits);
        collect(step.pluralEs, tokens, i, hits);
      }
      for (Prefix prefix : firstPrefixes[key.charAt(0) & 0xff]) {
        if (key.startsWith(prefix.start())) {
          collect(prefix.node(), tokens, i, hits);
        }
      }
    }
    return hits;
  }

  /** The phrases below {@code first}, whose first word is token {@code start}, in lexicon order. */
  private void collect(Node first, List<Token> tokens, int start, List<Hit> out) {
    if (first == null) {
      return;
    }
    List<Found> found = new ArrayList<>(2);
    walk(first, tokens, start + 1, found);
    found.sort(Comparator.comparingInt(f -> f.end().ordinal()));
    for (Found f : found) {
      out.add(new Hit(f.end().phrase(), start, f.at()));
    }
  }

  /**
   * Every phrase that can end at or after {@code pos} from {@code node}, each at its first end: the
   * gaps are tried shortest first and depth first, so the first end found is the one that counts.
   */
  private void walk(Node node, List<Token> tokens, int pos, List<Found> found) {
    for (End end : node.ends) {
      if (!isFound(end, found)) {
        found.add(new Found(end, pos));
      }
    }
    if (node.gap != null) {
      for (int skip = 0; skip <= Phrase.MAX_GAP && pos + skip <= tokens.size(); skip++) {
        walk(node.gap, tokens, pos + skip, found);
      }
    }
    if (pos >= tokens.size() || !node.hasWords()) {
      return;
    }
    Token token = tokens.get(pos);
    String key = token.key();
    if (node.number != null && token.isNumber()) {
      walk(node.number, tokens, pos + 1, found);
    }
    Step step = node.words.get(key);
    if (step != null) {
      walkTo(step.word, tokens, pos, found);
      walkTo(step.pluralS, tokens, pos, found);
      walkTo(step.pluralEs, tokens, pos, found);
    }
    for (Prefix prefix : node.prefixes) {
      if (key.startsWith(prefix.start())) {
        walk(prefix.node(), tokens, pos + 1, found);
      }
    }
  }

  private static boolean isFound(End end, List<Found> found) {
    for (Found f : found) {
      if (f.end() == end) {
        return true;
      }
    }
    return false;
  }

  private void walkTo(Node next, List<Token> tokens, int pos, List<Found> found) {
    if (next != null) {
      walk(next, tokens, pos + 1, found);
    }
  }

  /** A phrase that ends at a node, and where it stands in the lexicon. */
  private record End(Phrase phrase, int ordinal) {}

  /** A phrase found, and the token after its last. */
  private record Found(End end, int at) {}

  /** A word written {@code start*} and the phrases' words after it. */
  private record Prefix(String start, Node node) {}

  /**
   * Where a word leads: to the phrases that go on with that word, and, for names of things, to
   * those that go on with it without its plural ending ("banks" leads where "bank" does, "boxes"
   * where "box" does), all from one lookup.
   */
  private static final class Step {
    Node word;
    Node pluralS;
    Node pluralEs;
  }

  /**
   * The words that may follow a path of words, and the phrases that end there. Most nodes end a
   * phrase and lead nowhere: their collections stay the shared empty ones until something is added
   * (the shipped lexicons make 8,804 nodes, kept for the process's life).
   */
  private static final class Node {
    List<End> ends = List.of();
    Map<String, Step> words = Map.of();
    List<Prefix> prefixes = List.of();
    Node number;
    Node gap;

    void addEnd(End end) {
      if (ends.isEmpty()) {
        ends = new ArrayList<>(1);
      }
      ends.add(end);
    }

    Node child(String word, boolean prefix, boolean plurals) {
      if (Phrase.GAP.equals(word)) {
        return gap == null ? gap = new Node() : gap;
      }
      if (Phrase.NUMBER.equals(word)) {
        return number == null ? number = new Node() : number;
      }
      if (prefix) {
        for (Prefix existing : prefixes) {
          if (existing.start().equals(word)) {
            return existing.node();
          }
        }
        Node node = new Node();
        if (prefixes.isEmpty()) {
          prefixes = new ArrayList<>(1);
        }
        prefixes.add(new Prefix(word, node));
        return node;
      }
      Step step = step(word);
      if (step.word == null) {
        step.word = new Node();
        if (plurals && word.length() >= Phrase.MIN_PLURAL_STEM) {
          step(word + "s").pluralS = step.word;
          step(word + "es").pluralEs = step.word;
        }
      }
      return step.word;
    }

    private Step step(String written) {
      if (words.isEmpty()) {
        words = new HashMap<>(4);
      }
      return words.computeIfAbsent(written, k -> new Step());
    }

    boolean hasWords() {
      return number != null || !words.isEmpty() || !prefixes.isEmpty();
    }
  }
}
