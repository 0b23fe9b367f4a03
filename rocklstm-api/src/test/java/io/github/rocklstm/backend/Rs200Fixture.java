package io.github.rocklstm.backend;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.eval.Likelihood;
import io.github.rocklstm.eval.NGramBaselines;
import io.github.rocklstm.eval.UnigramModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real corpus for the contract suite until the chord tokenizer lands: the expanded RS200 harmonic analyses
 * ({@code rs200-rock-corpus/original_v2.1/rs200_harmony_exp/*.txt}, 400 files = 200 songs x 2 analysts), one
 * sequence per file, whitespace tokens (roman numerals, bar lines, dots, key and meter marks), lines starting with
 * "Warning" skipped.
 *
 * <p>Split by song, deterministically: songs sorted by name, every tenth (index 0, 10, 20, ...) goes to validation
 * with both of its analyses, so no song is in both parts. The vocabulary is the special tokens (PAD 0, START 1,
 * END 2, UNK 3, MASK 4) followed by the training tokens in sorted order; validation tokens unseen in training
 * become UNK.
 *
 * <p>The baselines are fitted on the training sequences: {@link UnigramModel} (add-one smoothing over the whole
 * vocabulary) and the best of {@link NGramBaselines} (unigram and Kneser-Ney up to order 5).
 */
public final class Rs200Fixture {

  /** Padding. */
  public static final int PAD = 0;
  /** First token of every sequence. */
  public static final int START = 1;
  /** Last token of every sequence. */
  public static final int END = 2;
  /** A validation token unseen in training. */
  public static final int UNK = 3;
  /** Reserved (never in this corpus). */
  public static final int MASK = 4;

  private static Rs200Fixture instance;

  private final List<String> vocabulary;
  private final List<int[]> train;
  private final List<int[]> validation;
  private final double unigramValidationPerplexity;
  private final double nGramValidationPerplexity;

  private Rs200Fixture(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().collect(Collectors.toList());
    }
    if (files.size() < 100) {
      throw new IllegalStateException("expected the 400 RS200 expanded analyses in " + folder + ", found "
          + files.size());
    }
    List<String> songs = files.stream().map(Rs200Fixture::song).distinct().sorted().collect(Collectors.toList());
    Map<String, Boolean> isValidation = new HashMap<>();
    for (int i = 0; i < songs.size(); i++) {
      isValidation.put(songs.get(i), i % 10 == 0);
    }
    Map<Path, List<String>> tokens = new TreeMap<>();
    for (Path file : files) {
      List<String> fileTokens = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.startsWith("Warning")) {
          for (String token : line.trim().split("\\s+")) {
            if (!token.isEmpty()) {
              fileTokens.add(token);
            }
          }
        }
      }
      tokens.put(file, fileTokens);
    }
    TreeSet<String> trainTokens = new TreeSet<>();
    tokens.forEach((file, list) -> {
      if (!isValidation.get(song(file))) {
        trainTokens.addAll(list);
      }
    });
    List<String> words = new ArrayList<>(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>"));
    words.addAll(trainTokens);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      ids.put(words.get(i), i);
    }
    List<int[]> trainSequences = new ArrayList<>();
    List<int[]> validationSequences = new ArrayList<>();
    tokens.forEach((file, list) -> {
      int[] sequence = new int[list.size() + 2];
      sequence[0] = START;
      for (int t = 0; t < list.size(); t++) {
        sequence[t + 1] = ids.getOrDefault(list.get(t), UNK);
      }
      sequence[sequence.length - 1] = END;
      (isValidation.get(song(file)) ? validationSequences : trainSequences).add(sequence);
    });
    this.vocabulary = ImmutableList.copyOf(words);
    this.train = ImmutableList.copyOf(trainSequences);
    this.validation = ImmutableList.copyOf(validationSequences);

    this.unigramValidationPerplexity =
        UnigramModel.fit(trainSequences, words.size()).score(validationSequences).perplexity();
    this.nGramValidationPerplexity =
        NGramBaselines.fit(trainSequences, words.size()).score(validationSequences).values().stream()
            .mapToDouble(Likelihood::perplexity).min().getAsDouble();
  }

  /** The fixture, read once per JVM. */
  public static synchronized Rs200Fixture get() {
    if (instance == null) {
      try {
        instance =
            new Rs200Fixture(
                DataDirectory.resolve("rs200-rock-corpus").resolve("original_v2.1").resolve("rs200_harmony_exp"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private static String song(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('_'));
  }

  /** Token strings by id. */
  public List<String> vocabulary() {
    return vocabulary;
  }

  /** The number of token ids. */
  public int vocabularySize() {
    return vocabulary.size();
  }

  /** Training sequences (START ... END), 360 analyses of 180 songs. */
  public List<int[]> train() {
    return train;
  }

  /** Validation sequences, 40 analyses of 20 songs. */
  public List<int[]> validation() {
    return validation;
  }

  /** Perplexity of the add-one {@link UnigramModel} of the training sequences on the validation sequences. */
  public double unigramValidationPerplexity() {
    return unigramValidationPerplexity;
  }

  /** The lowest validation perplexity of {@link NGramBaselines} (unigram, Kneser-Ney of orders 2 to 5). */
  public double nGramValidationPerplexity() {
    return nGramValidationPerplexity;
  }
}
