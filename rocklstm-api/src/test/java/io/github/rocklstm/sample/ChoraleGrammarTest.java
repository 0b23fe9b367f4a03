package io.github.rocklstm.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Voice;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.FrameValidation;
import io.github.rocklstm.token.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ChoraleGrammar's masks at hand-picked prefixes, and sampling under it from a fake model. */
class ChoraleGrammarTest {

  private final ChoraleTokenizer tokenizer = ChoraleFakes.tokenizer();
  private final int size = tokenizer.vocabulary().size();

  /** The tokens the grammar leaves allowed after {@code prefix}, as strings. */
  private List<String> allowed(int maxLength, int... prefix) {
    float[][] scores = {new float[size]};
    new ChoraleGrammar(tokenizer, null, maxLength).apply(new int[][] {prefix}, scores);
    List<String> tokens = new ArrayList<>();
    for (int id = 0; id < size; id++) {
      if (scores[0][id] == 0) {
        tokens.add(tokenizer.vocabulary().token(id));
      } else {
        assertEquals(Float.NEGATIVE_INFINITY, scores[0][id], "masked scores are -infinity");
      }
    }
    return tokens;
  }

  private int note(int pitch, boolean tied) {
    return tokenizer.noteId(pitch, tied);
  }

  private static List<String> struckRange(int low, int high) {
    List<String> tokens = new ArrayList<>();
    for (int pitch = low; pitch <= high; pitch++) {
      tokens.add(ChoraleTokenizer.noteToken(pitch, false));
    }
    return tokens;
  }

  private int[] firstFrame() {
    return new int[] {Vocabulary.START_ID, note(72, false), note(67, false), note(64, false), note(48, false),
        tokenizer.frameEndId()};
  }

  private int[] plus(int[] prefix, int... more) {
    int[] out = Arrays.copyOf(prefix, prefix.length + more.length);
    System.arraycopy(more, 0, out, prefix.length, more.length);
    return out;
  }

  @Test
  void enforcesTheFrameStructureAndTheVoiceRanges() {
    // A frame opens with an optional (.) and the soprano: a rest or a struck note in A3-A5; no END before a note,
    // no ||| and no tied token without a previous frame.
    List<String> first = new ArrayList<>(List.of("(.)", "rest"));
    first.addAll(struckRange(57, 81));
    assertEquals(first, allowed(100, Vocabulary.START_ID));
    // The alto after the soprano: D3..D5 (53-74) struck, or a rest.
    List<String> alto = new ArrayList<>(List.of("rest"));
    alto.addAll(struckRange(53, 74));
    assertEquals(alto, allowed(100, Vocabulary.START_ID, note(72, false)));
    // After the four voices only the frame end.
    assertEquals(List.of("|||"), allowed(100, Arrays.copyOf(firstFrame(), 5)));
    // Between frames: END, a fermata, or the next soprano, which may also hold its C5.
    List<String> next = new ArrayList<>(List.of("<end>", "(.)", "rest"));
    next.addAll(struckRange(57, 81));
    next.add(next.indexOf("(72, False)") + 1, "(72, True)");
    assertEquals(next, allowed(100, firstFrame()));
    // The bass after three held voices in a fermata frame must strike: C2..E4 (36-64), no rest, no tie.
    assertEquals(struckRange(36, 64), allowed(100, plus(firstFrame(), tokenizer.fermataId(), note(72, true),
        note(67, true), note(64, true))));
    assertEquals(List.of("<pad>"), allowed(100, plus(firstFrame(), Vocabulary.END_ID)));
  }

  @Test
  void keepsRoomToEndAndForcesEndAtTheLengthLimit() {
    int[] prefix = firstFrame(); // 6 tokens
    // 7 positions left: a fermata frame and END still fit.
    assertTrue(allowed(13, prefix).contains("(.)"));
    // 6 left: a frame and END fit, a fermata frame does not.
    List<String> six = allowed(12, prefix);
    assertTrue(!six.contains("(.)") && six.contains("<end>") && six.contains("(72, True)"), six.toString());
    // 5 left: no frame fits, END is the only choice.
    assertEquals(List.of("<end>"), allowed(11, prefix));
    assertEquals(List.of("<end>"), allowed(7, prefix));
  }

  /**
   * A model that almost never chooses END still produces, under the grammar and the generator's length limit,
   * sequences that end in time and decode into four voices in range; most run up to the limit.
   */
  @Test
  void samplesAlwaysEndWithinTheLimitAndDecode() {
    int maxLength = 2 + 12 * 6;
    FakeModel model = ChoraleFakes.trigram(11, size, 1e-6);
    GenerationConfig config = GenerationConfig.builder().batchSize(8).minLength(2).maxLength(maxLength)
        .constraint(new ChoraleGrammar(tokenizer, null, maxLength)).build();
    List<int[]> samples = new SequenceGenerator(Sampler.temperature(1.0), config).generate(model, 24, 5);
    assertEquals(24, samples.size());
    int nearTheLimit = 0;
    for (int[] tokens : samples) {
      assertTrue(tokens.length <= maxLength, "length " + tokens.length);
      assertEquals(Vocabulary.END_ID, tokens[tokens.length - 1]);
      FrameValidation validation = tokenizer.validateFrames(tokens);
      assertTrue(validation.valid(), validation.problems().toString());
      Chorale chorale = tokenizer.decode(tokens);
      for (Voice voice : Voice.values()) {
        chorale.voice(voice).forEach(n -> assertTrue(voice.inBachRange(n.pitch()), voice + " " + n));
      }
      nearTheLimit += tokens.length > maxLength - 6 ? 1 : 0;
    }
    assertTrue(nearTheLimit >= 20, nearTheLimit + " of 24 samples ran to within a frame of the limit");
  }

  @Test
  void rejectsATooShortLimitAndAModelOfAnotherVocabulary() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChoraleGrammar(tokenizer, null, 6));
    assertEquals("the maximum length must leave room for START, one frame and END (7 tokens), got 6",
        e.getMessage());
    ChoraleGrammar grammar = new ChoraleGrammar(tokenizer, null, 50);
    e = assertThrows(IllegalArgumentException.class,
        () -> grammar.apply(new int[][] {{Vocabulary.START_ID}}, new float[][] {new float[size + 1]}));
    assertEquals("the tokenizer has 106 tokens but the model 107", e.getMessage());
  }
}
