package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.function.IntPredicate;

/**
 * Likelihood normalised per chord change instead of per token, so that models whose token streams repeat a held
 * chord (one token per bar or beat) compare with models that see only the changes (Korzeniowski &amp; Widmer 2018).
 *
 * <p>The chord changes of a token sequence are counted with consecutive duplicates removed: every chord token that
 * differs from the previous chord token (the first chord after START counts), plus one for END (END is predicted, as
 * in {@link Likelihood}; START is not). Tokens that are not chords (bar lines, section or genre tokens) are skipped
 * and do not break a run of equal chords. The per-change likelihood is the <em>whole</em> sequence's log-likelihood
 * (timing tokens included) divided by that count: the cost in nats of encoding the song, per change. For a model of
 * chord changes it equals the per-token figure; for a per-bar model it also pays for the durations, so it is an
 * upper bound on the cost of predicting the changes alone.
 */
public final class ChordChangeLikelihood {

  private ChordChangeLikelihood() {}

  /**
   * The chord tokens of a {@link ChordTokenizer} vocabulary (no-chord N included): every id but the specials (PAD,
   * START, END, UNK, MASK), the bar line {@value ChordTokenizer#BAR}, section ({@code <section:...>}) and genre
   * ({@code <genre:...>}) tokens. Ids outside the vocabulary are not chords.
   */
  public static IntPredicate chordTokens(Vocabulary vocabulary) {
    Preconditions.checkNotNull(vocabulary, "vocabulary");
    boolean[] chord = new boolean[vocabulary.size()];
    for (int id = 0; id < chord.length; id++) {
      String token = vocabulary.token(id);
      chord[id] = ChordTokenizer.isChordToken(token);
    }
    return id -> id >= 0 && id < chord.length && chord[id];
  }

  /**
   * The number of chord changes in {@code sequence}, END included, START not.
   *
   * @param isChord which token ids are chords (no-chord N included if the vocabulary has it); START and END are
   *     handled here whatever it says
   */
  public static long changes(int[] sequence, int endId, IntPredicate isChord) {
    Preconditions.checkNotNull(sequence, "sequence");
    Preconditions.checkNotNull(isChord, "isChord");
    long changes = 0;
    int previous = -1;
    for (int i = 1; i < sequence.length; i++) {
      int token = sequence[i];
      if (token == endId) {
        changes++;
      } else if (isChord.test(token) && token != previous) {
        changes++;
        previous = token;
      }
    }
    return changes;
  }

  /**
   * {@code total} (the log-likelihood of {@code sequences}, scored per token) re-counted per chord change.
   *
   * @throws IllegalArgumentException when the sequences hold no change
   */
  public static Likelihood perChange(Likelihood total, Iterable<int[]> sequences, int endId, IntPredicate isChord) {
    Preconditions.checkNotNull(total, "total");
    Preconditions.checkNotNull(sequences, "sequences");
    long changes = 0;
    for (int[] sequence : sequences) {
      changes += changes(sequence, endId, isChord);
    }
    Preconditions.checkArgument(changes > 0, "the sequences hold no chord change");
    return new Likelihood(total.logLikelihood(), changes);
  }
}
