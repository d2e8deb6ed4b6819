package org.aidbridge.bot.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled messages shipped under {@code corpus/} ({@code kind<TAB>categories<TAB>text}, the
 * files named in {@code corpus/files.txt}), from which {@link KindGate} learns.
 */
final class TrainingCorpus {

  /**
   * One labelled message.
   *
   * @param file the file it came from, e.g. {@code en-heldout4.tsv}
   * @param kind need, offer or none
   */
  record Message(String file, String kind, String text) {}

  private TrainingCorpus() {}

  static List<String> files() {
    List<String> files = new ArrayList<>();
    for (String line : lines("corpus/files.txt")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        files.add(line.strip());
      }
    }
    return files;
  }

  static List<Message> load() {
    List<Message> messages = new ArrayList<>();
    for (String file : files()) {
      messages.addAll(read(file));
    }
    return messages;
  }

  static List<Message> read(String file) {
    List<Message> messages = new ArrayList<>();
    for (String line : lines("corpus/" + file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", 3);
      if (columns.length == 3) {
        messages.add(new Message(file, columns[0].strip(), columns[2]));
      }
    }
    return messages;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = TrainingCorpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
