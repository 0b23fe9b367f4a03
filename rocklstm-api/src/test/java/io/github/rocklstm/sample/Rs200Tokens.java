package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import io.github.rocklstm.corpus.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test-only: every RS200 expanded harmonic analysis ({@code rs200_harmony_exp/*.txt}, both analysts) as an int
 * sequence, tokenised by whitespace (lines starting with {@code Warning} skipped), ids from 5 in sorted symbol
 * order, wrapped in START and END. Not the project's chord tokenizer: just real, highly repetitive token streams
 * for the n-gram index and the no-copy guard.
 */
final class Rs200Tokens {

  static final int FIRST_SYMBOL = 5;

  final List<int[]> sequences;
  final int vocabularySize;

  private Rs200Tokens(List<int[]> sequences, int vocabularySize) {
    this.sequences = sequences;
    this.vocabularySize = vocabularySize;
  }

  static Rs200Tokens load() {
    Path folder = DataDirectory.resolve("rs200-rock-corpus").resolve("original_v2.1").resolve("rs200_harmony_exp");
    List<List<String>> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("Warning")) {
            for (String token : line.trim().split("\\s+")) {
              if (!token.isEmpty()) {
                tokens.add(token);
              }
            }
          }
        }
        texts.add(tokens);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Integer> ids = new TreeMap<>();
    texts.forEach(text -> text.forEach(symbol -> ids.put(symbol, 0)));
    int next = FIRST_SYMBOL;
    for (Map.Entry<String, Integer> entry : ids.entrySet()) {
      entry.setValue(next++);
    }
    List<int[]> sequences = new ArrayList<>();
    for (List<String> text : texts) {
      int[] sequence = new int[text.size() + 2];
      sequence[0] = Vocabulary.START_ID;
      for (int i = 0; i < text.size(); i++) {
        sequence[i + 1] = ids.get(text.get(i));
      }
      sequence[sequence.length - 1] = Vocabulary.END_ID;
      sequences.add(sequence);
    }
    return new Rs200Tokens(List.copyOf(sequences), next);
  }
}
