package io.github.rocklstm.eval;

import io.github.rocklstm.corpus.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Test-only: the RS200 expanded harmonic analyses ({@code rs200_harmony_exp/*.txt}) as int sequences, tokenised
 * simply by whitespace (lines starting with {@code Warning} skipped). Not the project's chord tokenizer; just a real
 * corpus for the baselines.
 *
 * <p>Split by song: file names {@code <song>_dt.txt} / {@code <song>_tdc.txt} are grouped by {@code <song>} (both
 * analysts of a song on the same side), songs sorted by name, and every tenth song (sorted index 9, 19, ...) is held
 * out. Ids 0..4 are PAD, START, END, UNK, MASK; the training split's distinct tokens follow in sorted order; held-out
 * tokens not seen in training become UNK.
 */
final class Rs200WhitespaceCorpus {

  static final int PAD = 0;
  static final int START = 1;
  static final int END = 2;
  static final int UNK = 3;
  static final int FIRST_SYMBOL = 5;

  final List<int[]> training;
  final List<int[]> heldOut;
  final int vocabularySize;
  final int heldOutUnknownTokens;

  private Rs200WhitespaceCorpus(List<int[]> training, List<int[]> heldOut, int vocabularySize, int unknown) {
    this.training = training;
    this.heldOut = heldOut;
    this.vocabularySize = vocabularySize;
    this.heldOutUnknownTokens = unknown;
  }

  static Rs200WhitespaceCorpus load() {
    Path folder = DataDirectory.resolve("rs200-rock-corpus").resolve("original_v2.1").resolve("rs200_harmony_exp");
    TreeMap<String, List<Path>> songs = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().forEach(f -> {
        String name = f.getFileName().toString();
        String song = name.substring(0, name.lastIndexOf('_'));
        songs.computeIfAbsent(song, s -> new ArrayList<>()).add(f);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> trainingText = new ArrayList<>();
    List<List<String>> heldOutText = new ArrayList<>();
    int index = 0;
    for (List<Path> analyses : songs.values()) {
      for (Path file : analyses) {
        (index % 10 == 9 ? heldOutText : trainingText).add(tokens(file));
      }
      index++;
    }
    TreeSet<String> symbols = new TreeSet<>();
    trainingText.forEach(symbols::addAll);
    Map<String, Integer> ids = new HashMap<>();
    for (String symbol : symbols) {
      ids.put(symbol, FIRST_SYMBOL + ids.size());
    }
    int[] unknown = new int[1];
    List<int[]> training = encode(trainingText, ids, unknown);
    unknown[0] = 0;
    List<int[]> heldOut = encode(heldOutText, ids, unknown);
    return new Rs200WhitespaceCorpus(training, heldOut, FIRST_SYMBOL + ids.size(), unknown[0]);
  }

  private static List<String> tokens(Path file) {
    List<String> tokens = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.startsWith("Warning")) {
          for (String token : line.trim().split("\\s+")) {
            if (!token.isEmpty()) {
              tokens.add(token);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  private static List<int[]> encode(List<List<String>> texts, Map<String, Integer> ids, int[] unknown) {
    List<int[]> sequences = new ArrayList<>();
    for (List<String> text : texts) {
      int[] sequence = new int[text.size() + 2];
      sequence[0] = START;
      for (int i = 0; i < text.size(); i++) {
        Integer id = ids.get(text.get(i));
        if (id == null) {
          unknown[0]++;
        }
        sequence[i + 1] = id == null ? UNK : id;
      }
      sequence[sequence.length - 1] = END;
      sequences.add(sequence);
    }
    return sequences;
  }

  static int predictedTokens(List<int[]> sequences) {
    return sequences.stream().mapToInt(s -> s.length - 1).sum();
  }
}
