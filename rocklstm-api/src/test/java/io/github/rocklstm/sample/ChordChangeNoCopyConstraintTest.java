package io.github.rocklstm.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-copy guard in chord changes on PER_BAR streams, where a held chord is many tokens but one change. */
class ChordChangeNoCopyConstraintTest {

  private static final ChordTokenizer TOKENIZER = ChordTokenizer.withAllChords(
      new ChordTokenizer.Settings(VocabularyLevel.MAJMIN, ChordTokenizer.TimeMode.PER_BAR, false, false), List.of(),
      List.of());
  private static final int BAR = id(ChordTokenizer.BAR);
  private static final int C = id("C:maj");
  private static final int G = id("G:maj");
  private static final int AM = id("A:min");
  private static final int F = id("F:maj");

  private static int id(String token) {
    return TOKENIZER.vocabulary().idOf(token);
  }

  /** {@code C(4) C7(2) G(4) N(4) G(2) Am7(4) X(1) F(4)}: at MAJMIN the changes C G Am F. */
  private static ChordProgression training() {
    List<ChordEvent> events = new ArrayList<>();
    String[] labels = {"C:maj", "C:7", "G:maj", "N", "G:maj", "A:min7", "X", "F:maj"};
    double[] beats = {4, 2, 4, 4, 2, 4, 1, 4};
    for (int i = 0; i < labels.length; i++) {
      events.add(new ChordEvent(ChordSymbols.parseHarte(labels[i]), beats[i]));
    }
    return ChordProgression.of(events);
  }

  private static float[][] rows(int count) {
    float[][] rows = new float[count][TOKENIZER.vocabulary().size()];
    for (float[] row : rows) {
      Arrays.fill(row, -1f);
    }
    return rows;
  }

  private static float[] expect(int... masked) {
    float[] row = new float[TOKENIZER.vocabulary().size()];
    Arrays.fill(row, -1f);
    for (int token : masked) {
      row[token] = Float.NEGATIVE_INFINITY;
    }
    return row;
  }

  @Test
  void readsChangesFromEventsAndTokensAlike() {
    ChordChangeNoCopyConstraint guard = ChordChangeNoCopyConstraint.of(TOKENIZER, List.of(training()), 2);
    assertArrayEquals(new int[] {C, G, AM, F}, guard.changes(training()));
    int s = Vocabulary.START_ID;
    int n = id("N");
    int[] tokens = {s, BAR, C, C, C, C, BAR, C, C, G, G, BAR, n, n, G, G, BAR, AM, AM, AM, AM, Vocabulary.END_ID};
    assertArrayEquals(new int[] {C, G, AM}, guard.changes(tokens));
    assertEquals(2, guard.maxChanges());
    assertEquals(1, guard.trainingProgressions());
  }

  @Test
  void masksTheChordThatWouldCompleteACopiedRunOfChangesHoweverLongTheChordsAreHeld() {
    ChordChangeNoCopyConstraint guard = ChordChangeNoCopyConstraint.of(TOKENIZER, List.of(training()), 2);
    int s = Vocabulary.START_ID;
    int[][] prefixes = {
        {s, BAR, C, C, C, C},                 // one change: nothing can be copied yet
        {s, BAR, C, C, C, C, BAR, G, G},      // C G: Am would copy C G Am
        {s, BAR, C, G, G, AM},                // C G Am in 5 tokens: F would copy G Am F
        {s, BAR, AM, AM, AM, AM, BAR, C, C, G, G, G, G, BAR}, // Am C G at a bar line: Am would copy C G Am
        {s, BAR, G, G, C, C},                 // G C occurs nowhere in training
    };
    float[][] rows = rows(prefixes.length);
    guard.apply(prefixes, rows);
    assertArrayEquals(expect(), rows[0]);
    assertArrayEquals(expect(AM), rows[1]);
    assertArrayEquals(expect(F), rows[2]);
    assertArrayEquals(expect(AM), rows[3]);
    assertArrayEquals(expect(), rows[4]);
    // Repeating the current chord, the bar token and END are never masked.
    for (float[] row : rows) {
      assertEquals(-1f, row[BAR]);
      assertEquals(-1f, row[Vocabulary.END_ID]);
    }
    assertEquals(-1f, rows[1][G]);
    assertEquals(-1f, rows[2][AM]);
  }

  @Test
  void copiesFindsRunsLongerThanTheBoundInAnyRhythm() {
    ChordChangeNoCopyConstraint guard = ChordChangeNoCopyConstraint.of(TOKENIZER, List.of(training()), 2);
    int s = Vocabulary.START_ID;
    int e = Vocabulary.END_ID;
    assertTrue(guard.copies(new int[] {s, BAR, G, G, G, G, BAR, G, AM, AM, F, e}));
    assertTrue(guard.copies(new int[] {s, BAR, C, G, AM, AM, e}));
    assertFalse(guard.copies(new int[] {s, BAR, C, C, G, G, BAR, F, F, AM, AM, e}));
    assertFalse(guard.copies(new int[] {s, BAR, C, C, G, G, BAR, F, F, F, F, e}));
    ChordChangeNoCopyConstraint three = ChordChangeNoCopyConstraint.of(TOKENIZER, List.of(training()), 3);
    assertFalse(three.copies(new int[] {s, BAR, C, G, AM, AM, e}));
    assertTrue(three.copies(new int[] {s, BAR, C, G, AM, F, e}));
  }

  @Test
  void rejectsABoundBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChordChangeNoCopyConstraint.of(TOKENIZER, List.of(training()), 0));
    assertTrue(e.getMessage().contains("at least 1 chord change, got 0"), e.getMessage());
  }
}
