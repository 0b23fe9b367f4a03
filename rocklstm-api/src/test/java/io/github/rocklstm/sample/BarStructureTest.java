package io.github.rocklstm.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BarStructure}: the mask position by position, and whole generated sequences under adversarial models. */
class BarStructureTest {

  private static final float M = Float.NEGATIVE_INFINITY;
  private static final int BAR = 5;
  private static final int SECTION = 6;
  private static final int VOCABULARY = 10; // specials, bar 5, section 6, chords 7, 8, 9

  private static float[][] rows(int count) {
    float[][] rows = new float[count][VOCABULARY];
    for (float[] row : rows) {
      Arrays.fill(row, -1f);
    }
    return rows;
  }

  private static float[] only(int token) {
    float[] row = new float[VOCABULARY];
    Arrays.fill(row, M);
    row[token] = -1f;
    return row;
  }

  private static float[] masked(int... tokens) {
    float[] row = new float[VOCABULARY];
    Arrays.fill(row, -1f);
    for (int token : tokens) {
      row[token] = M;
    }
    return row;
  }

  @Test
  void masksPositionByPosition() {
    BarStructure structure = new BarStructure(BAR, 2, 2, ImmutableSortedSet.of(SECTION));
    int[][] prefixes = {
        {1}, // before the first bar: only the bar token
        {1, BAR}, // empty bar: neither bar nor END
        {1, BAR, 7}, // half full
        {1, BAR, 7, 8}, // full, one more bar to go: only the bar token
        {1, BAR, SECTION, 7, 8, BAR, 9}, // a section token counts no beat
        {1, BAR, 7, 8, BAR, 9, 9}, // both bars full: only END
        {1, BAR, 7, BAR}, // already broken (a short bar): nothing
    };
    float[][] rows = rows(prefixes.length);
    structure.apply(prefixes, rows);
    assertArrayEquals(only(BAR), rows[0]);
    assertArrayEquals(masked(BAR, 2), rows[1]);
    assertArrayEquals(masked(BAR, 2), rows[2]);
    assertArrayEquals(only(BAR), rows[3]);
    assertArrayEquals(masked(BAR, 2), rows[4]);
    assertArrayEquals(only(2), rows[5]);
    assertArrayEquals(masked(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), rows[6]);
    assertEquals(8, structure.sequenceLength());
  }

  @Test
  void rejectsBadValuesAndPrimers() {
    assertThrows(IllegalArgumentException.class, () -> new BarStructure(BAR, 0, 2, ImmutableSortedSet.of()));
    assertThrows(IllegalArgumentException.class, () -> new BarStructure(BAR, 4, 0, ImmutableSortedSet.of()));
    assertThrows(IllegalArgumentException.class, () -> new BarStructure(2, 4, 2, ImmutableSortedSet.of()));
    BarStructure structure = new BarStructure(BAR, 2, 2, ImmutableSortedSet.of());
    structure.checkPrimer(new int[] {BAR, 7, 7, BAR, 8});
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> structure.checkPrimer(new int[] {BAR, 7, 7, BAR, 8, 8, BAR}));
    assertTrue(tooMany.getMessage().contains("3 bars, more than the 2 requested"), tooMany.getMessage());
    IllegalArgumentException longBar = assertThrows(IllegalArgumentException.class,
        () -> structure.checkPrimer(new int[] {BAR, 7, 7, 7}));
    assertTrue(longBar.getMessage().contains("bar 1 has more than 2 beats"), longBar.getMessage());
    assertThrows(IllegalArgumentException.class, () -> structure.checkPrimer(new int[] {7}));
  }

  /**
   * A model that wants to break the structure: after a chord it prefers END (0.4) and the bar token (0.3) to more
   * chords; after a bar token it prefers END and another bar token. Without the constraint almost no sample would
   * have the structure; with it every one does.
   */
  private static FakeModel adversarial() {
    double[] afterChord = Tables.row(VOCABULARY, 2, 0.4, BAR, 0.3, 7, 0.1, 8, 0.1, 9, 0.1);
    double[] afterBar = Tables.row(VOCABULARY, 2, 0.5, BAR, 0.3, 7, 0.1, 8, 0.05, 9, 0.05);
    double[] afterStart = Tables.row(VOCABULARY, 2, 0.5, 7, 0.4, BAR, 0.1);
    double[][] logs = FakeModel.logs(new double[][] {afterStart, afterBar, afterChord});
    return new FakeModel(VOCABULARY, history -> {
      int last = history[history.length - 1];
      return last == Vocabulary.START_ID ? logs[0] : last == BAR ? logs[1] : logs[2];
    });
  }

  private static void assertStructure(int[] sequence, int bars, int beatsPerBar) {
    assertEquals(2 + bars * (beatsPerBar + 1), sequence.length, Arrays.toString(sequence));
    assertEquals(Vocabulary.START_ID, sequence[0]);
    assertEquals(Vocabulary.END_ID, sequence[sequence.length - 1]);
    for (int bar = 0; bar < bars; bar++) {
      int start = 1 + bar * (beatsPerBar + 1);
      assertEquals(BAR, sequence[start], Arrays.toString(sequence));
      for (int beat = 1; beat <= beatsPerBar; beat++) {
        assertTrue(Set.of(7, 8, 9).contains(sequence[start + beat]), Arrays.toString(sequence));
      }
    }
  }

  @Test
  void everySampledSequenceHasExactlyTheRequestedBars() {
    FakeModel model = adversarial();
    for (int[] shape : new int[][] {{16, 4}, {3, 3}, {1, 1}, {8, 4}}) {
      int bars = shape[0];
      int beats = shape[1];
      BarStructure structure = new BarStructure(BAR, beats, bars, ImmutableSortedSet.of(SECTION));
      GenerationConfig config = GenerationConfig.builder().maxLength(structure.sequenceLength())
          .bannedTokens(BannedTokens.of(0, 1, 3, 4, SECTION)).constraint(structure).batchSize(16).build();
      for (long seed = 1; seed <= 5; seed++) {
        List<int[]> sequences = new SequenceGenerator(Sampler.temperature(1.5), config).generate(model, 20, seed);
        sequences.forEach(s -> assertStructure(s, bars, beats));
      }
    }
  }

  @Test
  void aPrimerOfWholeBarsIsContinuedAndBeamSearchKeepsTheStructure() {
    FakeModel model = adversarial();
    BarStructure structure = new BarStructure(BAR, 4, 6, ImmutableSortedSet.of());
    int[] primer = {BAR, 9, 9, 9, 9, BAR, 8, 8};
    structure.checkPrimer(primer);
    GenerationConfig config = GenerationConfig.builder().maxLength(structure.sequenceLength()).primer(primer)
        .constraint(structure).build();
    for (int[] sequence : new SequenceGenerator(Sampler.topK(2), config).generate(model, 50, 3)) {
      assertStructure(sequence, 6, 4);
      assertArrayEquals(primer, Arrays.copyOfRange(sequence, 1, 1 + primer.length));
    }
    List<BeamHypothesis> beams = new BeamSearch(config, 4, 0).search(model);
    assertEquals(4, beams.size());
    beams.forEach(h -> assertStructure(h.tokens(), 6, 4));
  }

  @Test
  void fromATokenizerDecodesToTheRequestedBarsAndMeter() {
    ChordTokenizer tokenizer = ChordTokenizer.withAllChords(
        new ChordTokenizer.Settings(VocabularyLevel.MAJMIN, ChordTokenizer.TimeMode.PER_BAR, false, false),
        List.of(), List.of());
    BarStructure structure = BarStructure.of(tokenizer, 3, 5);
    assertEquals(tokenizer.vocabulary().idOf(ChordTokenizer.BAR), structure.barToken());
    int size = tokenizer.vocabulary().size();
    FakeModel uniform = new FakeModel(size, history -> {
      double[] row = new double[size];
      Arrays.fill(row, -Math.log(size));
      return row;
    });
    GenerationConfig config = GenerationConfig.builder().maxLength(structure.sequenceLength()).constraint(structure)
        .build();
    for (int[] sequence : new SequenceGenerator(Sampler.temperature(1), config).generate(uniform, 30, 8)) {
      ChordProgression progression = tokenizer.decode(sequence);
      assertEquals(new Meter(3, 4), progression.meter());
      assertEquals(15.0, progression.totalBeats(), 1e-9);
      assertEquals(5, progression.bars().size());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BarStructure.of(
        ChordTokenizer.withAllChords(ChordTokenizer.Settings.DEFAULT, List.of(), List.of()), 4, 4));
    assertTrue(e.getMessage().contains("needs time mode PER_BAR"), e.getMessage());
  }
}
