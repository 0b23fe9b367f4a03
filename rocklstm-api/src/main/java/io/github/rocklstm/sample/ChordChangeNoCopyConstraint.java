package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The no-copy guard counted in chord changes instead of tokens: forbids generating a run of more than {@code N}
 * consecutive chord changes that occurs verbatim in a training progression, for {@link ChordTokenizer} streams of
 * any time mode.
 *
 * <h2>Why changes</h2>
 * In {@link ChordTokenizer.TimeMode#PER_BEAT} and {@link ChordTokenizer.TimeMode#PER_BAR} a chord held for a bar is
 * four tokens (five with the bar token) but one change, so no bound on copied tokens equals a bound on copied
 * chords: {@code | C C C C | G G G G |} and {@code | C C G G |} are the same two changes in 10 and 5 tokens. So both
 * sides are mapped to chord-change sequences and a {@link NoCopyConstraint} of order {@code N + 1} is applied to
 * those.
 *
 * <h2>Chord changes</h2>
 * The changes of a token sequence are its pitched chord tokens in order (START, END, the bar token, section and
 * genre tokens, N, UNK and the other specials skipped), each run of equal chords merged into one change. The
 * changes of a training progression are read from its chord events in the same way, each chord written as the
 * tokenizer's vocabulary writes it ({@link ChordTokenizer#chordToken}, so reduced to its level), chords without a
 * pitched token (N, X, chords the vocabulary lacks) skipped and equal neighbours merged. Reading events rather than
 * tokens means a chord shorter than a beat, which the per-beat tokens may round away, still separates its
 * neighbours. This is the definition {@code io.github.rocklstm.eval.Novelty} uses for its longest verbatim match,
 * at the tokenizer's level and in the keys the progressions are given in.
 *
 * <h2>What is masked</h2>
 * In each row, a chord token that would start a new change completing, with the row's last {@code N} changes, a
 * training {@code (N+1)}-gram of changes. Repeating the current chord, the bar token and END never start a change
 * and are never masked, so this guard alone never leaves a row without an allowed token (at the first chord the row
 * has no change yet and nothing is masked). A change, once started, never changes, so every window of {@code N + 1}
 * changes is checked when its last change is sampled: a generated sequence holds no copied run longer than {@code N}
 * changes unless that run lies wholly inside the primer or ends at a fixed position, which are given, not sampled
 * ({@link GenerationConfig}).
 *
 * <p>Each application rescans the prefix: {@code O(L)} integer reads per row and step, negligible next to the model.
 * Immutable and thread-safe.
 */
public final class ChordChangeNoCopyConstraint implements Constraint {

  private final ChordTokenizer tokenizer;
  /** Whether each token id is a pitched chord. */
  private final boolean[] pitched;
  private final NoCopyConstraint changeGuard;
  private final int trainingProgressions;

  private ChordChangeNoCopyConstraint(ChordTokenizer tokenizer, boolean[] pitched, NoCopyConstraint changeGuard,
      int trainingProgressions) {
    this.tokenizer = tokenizer;
    this.pitched = pitched;
    this.changeGuard = changeGuard;
    this.trainingProgressions = trainingProgressions;
  }

  /**
   * A guard that forbids copying more than {@code maxChanges} consecutive chord changes of {@code training}.
   *
   * @param tokenizer the tokenizer of the generated streams; its vocabulary names the chords
   * @param training the training progressions, in the keys the model saw them (for example key-normalised)
   * @param maxChanges {@code N}, the longest run of training changes a generated sequence may reproduce, at least 1
   * @throws IllegalArgumentException if {@code maxChanges} is below 1
   */
  public static ChordChangeNoCopyConstraint of(ChordTokenizer tokenizer, Iterable<ChordProgression> training,
      int maxChanges) {
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    Preconditions.checkNotNull(training, "training");
    Preconditions.checkArgument(maxChanges >= 1,
        "the longest allowed copied run must be at least 1 chord change, got %s", maxChanges);
    Vocabulary vocabulary = tokenizer.vocabulary();
    boolean[] pitched = new boolean[vocabulary.size()];
    for (int id = Vocabulary.SPECIAL_TOKENS.size(); id < pitched.length; id++) {
      String token = vocabulary.token(id);
      pitched[id] = ChordTokenizer.isChordToken(token) && ChordSymbols.parseHarte(token).isPitched();
    }
    List<int[]> sequences = new ArrayList<>();
    for (ChordProgression progression : training) {
      Preconditions.checkArgument(progression != null, "training progression %s is null", sequences.size());
      sequences.add(merged(eventTokens(tokenizer, progression), pitched));
    }
    return new ChordChangeNoCopyConstraint(tokenizer, pitched, NoCopyConstraint.of(sequences, maxChanges),
        sequences.size());
  }

  /** {@code N}: the longest run of training chord changes a generated sequence may reproduce. */
  public int maxChanges() {
    return changeGuard.maxCopied();
  }

  /** The number of training progressions indexed. */
  public int trainingProgressions() {
    return trainingProgressions;
  }

  /** The chord changes of a token sequence, as token ids (see the class comment). */
  public int[] changes(int[] tokens) {
    Preconditions.checkNotNull(tokens, "tokens");
    return merged(tokens, pitched);
  }

  /** The chord changes of a progression's events, as token ids of the tokenizer (see the class comment). */
  public int[] changes(ChordProgression progression) {
    Preconditions.checkNotNull(progression, "progression");
    return merged(eventTokens(tokenizer, progression), pitched);
  }

  /** The token id of each event's chord. */
  private static int[] eventTokens(ChordTokenizer tokenizer, ChordProgression progression) {
    List<ChordEvent> events = progression.events();
    int[] tokens = new int[events.size()];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = tokenizer.vocabulary().idOf(tokenizer.chordToken(events.get(i).chord()));
    }
    return tokens;
  }

  /** The pitched chord tokens of {@code tokens}, each run of equal ones merged into one. */
  private static int[] merged(int[] tokens, boolean[] pitched) {
    int[] changes = new int[tokens.length];
    int count = 0;
    for (int token : tokens) {
      if (token >= 0 && token < pitched.length && pitched[token] && (count == 0 || changes[count - 1] != token)) {
        changes[count++] = token;
      }
    }
    return Arrays.copyOf(changes, count);
  }

  /**
   * Whether {@code tokens} hold a run of more than {@link #maxChanges()} consecutive chord changes found verbatim in
   * a training progression.
   */
  public boolean copies(int[] tokens) {
    return changeGuard.index().firstOccurrence(changes(tokens)) >= 0;
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    int[][] changePrefixes = new int[prefixes.length][];
    for (int row = 0; row < prefixes.length; row++) {
      changePrefixes[row] = changes(prefixes[row]);
    }
    changeGuard.apply(changePrefixes, logProbabilities);
  }

  @Override
  public String toString() {
    return "ChordChangeNoCopyConstraint{maxChanges=" + maxChanges() + ", trainingProgressions="
        + trainingProgressions + ", " + changeGuard.index() + "}";
  }
}
