package io.github.rocklstm.sample;

import io.github.rocklstm.music.Note;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Test-only chorale tokenizer and deterministic fake chorale models for the chorale samplers. */
final class ChoraleFakes {

  /** Lowest and highest pitch of {@link #tokenizer()}: the bass's lowest Bach note to above the soprano's. */
  static final int LOWEST = 36;
  static final int HIGHEST = 84;

  private ChoraleFakes() {}

  /**
   * A chorale tokenizer whose vocabulary has the specials, |||, (.), rest, and the struck and tied token of every
   * pitch from {@value #LOWEST} to {@value #HIGHEST} (8 + 2 * 49 = 106 tokens).
   */
  static ChoraleTokenizer tokenizer() {
    Vocabulary.Builder builder = Vocabulary.builder().add(ChoraleTokenizer.FRAME_END).add(ChoraleTokenizer.FERMATA)
        .add(ChoraleTokenizer.REST);
    for (int pitch = LOWEST; pitch <= HIGHEST; pitch++) {
      builder.add(ChoraleTokenizer.noteToken(pitch, false)).add(ChoraleTokenizer.noteToken(pitch, true));
    }
    return new ChoraleTokenizer(builder.build());
  }

  /**
   * A random model whose next-token distribution depends on the last two tokens: every token has some probability
   * (so fixed soprano tokens are never impossible), a few have most of it, and END gets {@code endWeight} times its
   * random share. Rows are drawn from {@code seed} and the two tokens, so the model is deterministic.
   */
  static FakeModel trigram(long seed, int vocabularySize, double endWeight) {
    Map<Integer, double[]> rows = new HashMap<>();
    return new FakeModel(vocabularySize, history -> {
      int a = history.length >= 2 ? history[history.length - 2] : 0;
      int b = history[history.length - 1];
      return rows.computeIfAbsent(a * vocabularySize + b, key -> {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + key);
        double[] row = new double[vocabularySize];
        double sum = 0;
        for (int t = 0; t < vocabularySize; t++) {
          row[t] = 1e-4 + Math.pow(random.nextDouble(), 4) * (t == Vocabulary.END_ID ? endWeight : 1);
          sum += row[t];
        }
        for (int t = 0; t < vocabularySize; t++) {
          row[t] = Math.log(row[t] / sum);
        }
        return row;
      });
    });
  }

  /** A note of {@code sixteenths} 16ths from 16th {@code start}. */
  static Note note(int pitch, int start, int sixteenths) {
    return Note.of(pitch, start * Note.TICKS_PER_SIXTEENTH, sixteenths * Note.TICKS_PER_SIXTEENTH);
  }
}
