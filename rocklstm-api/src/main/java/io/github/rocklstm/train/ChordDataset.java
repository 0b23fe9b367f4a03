package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.corpus.Transposition;
import io.github.rocklstm.token.ChordTokenizer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A chord corpus made ready for a language model: keys handled, split by song, tokenized with a vocabulary fitted
 * on the training part only, as token sequences (START ... END).
 *
 * <p>The validation and test parts are always key-normalised (C major / A minor), so that perplexities compare
 * across runs; {@link KeyHandling#ALL_KEYS} augments only the training part. Chords of the validation and test parts
 * that the training part never used become UNK.
 *
 * @param corpusName the corpus the data came from
 * @param tokenizer the tokenizer, its vocabulary fitted on the training songs
 * @param train training sequences
 * @param validation validation sequences (early stopping, model selection)
 * @param test test sequences (final evaluation only)
 * @param keyHandling how keys were handled
 */
public record ChordDataset(
    String corpusName,
    ChordTokenizer tokenizer,
    ImmutableList<int[]> train,
    ImmutableList<int[]> validation,
    ImmutableList<int[]> test,
    KeyHandling keyHandling) {

  /** How a song's key is handled before tokenizing. */
  public enum KeyHandling {
    /** Every song transposed to C major or A minor (its annotated or estimated key). */
    NORMALIZE,
    /** Training songs in all 12 transpositions; validation and test songs normalised. */
    ALL_KEYS;

    /** The training songs {@code train} as this handling keys them. */
    public Corpus training(Corpus train) {
      Preconditions.checkNotNull(train, "train");
      return this == ALL_KEYS ? Transposition.allKeys(train) : Transposition.normalize(train);
    }
  }

  public ChordDataset {
    Preconditions.checkNotNull(corpusName, "corpusName");
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    Preconditions.checkArgument(!train.isEmpty(), "the training part of %s is empty", corpusName);
    Preconditions.checkNotNull(validation, "validation");
    Preconditions.checkNotNull(test, "test");
    Preconditions.checkNotNull(keyHandling, "keyHandling");
  }

  /**
   * Splits {@code corpus} by song ({@link Corpus#split()}), handles keys, fits a tokenizer with {@code settings} on
   * the training songs and encodes all three parts (with each song's genre when the settings ask for genre tokens).
   */
  public static ChordDataset prepare(Corpus corpus, ChordTokenizer.Settings settings, KeyHandling keyHandling) {
    Preconditions.checkNotNull(corpus, "corpus");
    Preconditions.checkNotNull(settings, "settings");
    Preconditions.checkNotNull(keyHandling, "keyHandling");
    Corpus train = keyHandling.training(corpus.train());
    Corpus validation = Transposition.normalize(corpus.valid());
    Corpus test = Transposition.normalize(corpus.test());
    List<String> genres = corpus.songs().stream().map(Song::genre).distinct().sorted().collect(Collectors.toList());
    ChordTokenizer tokenizer = ChordTokenizer.fit(settings,
        train.songs().stream().map(Song::progression).collect(Collectors.toList()), genres);
    return new ChordDataset(corpus.name(), tokenizer, encode(tokenizer, train), encode(tokenizer, validation),
        encode(tokenizer, test), keyHandling);
  }

  private static ImmutableList<int[]> encode(ChordTokenizer tokenizer, Corpus corpus) {
    return corpus.songs().stream()
        .map(s -> tokenizer.encode(s.progression(), s.genre()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * This dataset with a random subset of the training sequences whose target tokens add up to at most {@code
   * maxTokens}: the sequences are shuffled with {@code seed} and taken in that order while they fit (a sequence that
   * would overshoot is skipped and later, shorter ones are still tried). The tokenizer, validation and test parts
   * stay as they are. Used to train models of different corpora on the same number of tokens.
   *
   * @throws IllegalArgumentException when {@code maxTokens} is below 1 or no training sequence fits
   */
  public ChordDataset withTrainingTokens(long maxTokens, long seed) {
    Preconditions.checkArgument(maxTokens >= 1, "the training-token budget must be at least 1, got %s", maxTokens);
    List<int[]> shuffled = new java.util.ArrayList<>(train);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    ImmutableList.Builder<int[]> kept = ImmutableList.builder();
    long tokens = 0;
    for (int[] sequence : shuffled) {
      if (tokens + sequence.length - 1 <= maxTokens) {
        kept.add(sequence);
        tokens += sequence.length - 1;
      }
    }
    ImmutableList<int[]> subset = kept.build();
    Preconditions.checkArgument(!subset.isEmpty(), "no training sequence of %s fits in %s tokens", corpusName,
        maxTokens);
    return new ChordDataset(corpusName, tokenizer, subset, validation, test, keyHandling);
  }

  /** Target tokens (every token after START) in the training part. */
  public long trainTokens() {
    return train.stream().mapToLong(s -> s.length - 1).sum();
  }
}
