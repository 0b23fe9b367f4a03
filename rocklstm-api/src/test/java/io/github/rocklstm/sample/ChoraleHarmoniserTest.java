package io.github.rocklstm.sample;

import static io.github.rocklstm.sample.ChoraleFakes.note;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Voice;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.FrameValidation;
import io.github.rocklstm.token.HarmonisationTemplate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** ChoraleHarmoniser with deterministic fake models over a chorale vocabulary. */
class ChoraleHarmoniserTest {

  private static final Key G_MAJOR = Key.major(PitchClass.G);
  private static final double EPS = 1e-3;

  /** Two bars of 4/4 in G major: G4 A4 B4 (half) | A4 G4 (8ths) F#4 G4 (half, fermata). */
  private static final List<Note> SOPRANO = List.of(note(67, 0, 4), note(69, 4, 4), note(71, 8, 8), note(69, 16, 2),
      note(67, 18, 2), note(66, 20, 4), new Note(67, 24 * Note.TICKS_PER_SIXTEENTH, 8 * Note.TICKS_PER_SIXTEENTH,
          false, false, true));

  private final ChoraleTokenizer tokenizer = ChoraleFakes.tokenizer();
  private final HarmonisationTemplate template =
      tokenizer.harmonisationTemplate(SOPRANO, G_MAJOR, Meter.COMMON_TIME, 0);

  @Test
  void keepsTheSopranoAndDecodesIntoFourVoicesInRange() {
    assertEquals(2 + 32 * 5 + 1, template.length());
    for (long seed = 0; seed < 5; seed++) {
      FakeModel model = ChoraleFakes.trigram(seed, tokenizer.vocabulary().size(), 1);
      for (int width : new int[] {1, 4}) {
        String what = "seed " + seed + ", width " + width;
        int[] tokens = new ChoraleHarmoniser(tokenizer, width).harmonise(model, template);
        assertEquals(template.length(), tokens.length, what);
        for (int position = 0; position < tokens.length; position++) {
          if (template.isFixed(position)) {
            assertEquals(template.tokenAt(position), tokens[position], what + ", position " + position);
          }
        }
        FrameValidation validation = tokenizer.validateFrames(tokens, G_MAJOR);
        assertTrue(validation.valid(), what + ": " + validation.problems());
        Chorale chorale = tokenizer.decode(tokens, G_MAJOR, Meter.COMMON_TIME, 0);
        assertEquals(G_MAJOR, chorale.key());
        assertEquals(SOPRANO, chorale.soprano(), what);
        for (Voice voice : Voice.values()) {
          for (Note n : chorale.voice(voice)) {
            assertTrue(voice.inBachRange(n.pitch()), what + ": " + voice + " " + n);
          }
        }
        assertEquals(32 * Note.TICKS_PER_SIXTEENTH, chorale.totalDuration(), what);
        assertEquals(0, model.sessionsOpen, what);
      }
    }
  }

  /**
   * On every one of ten random models, beam search (width 4) finds a harmonisation at least as likely under the
   * model as greedy decoding's, and on some a strictly more likely one (likelihoods computed from the model
   * independently of the search). Greedy decoding is what the step-by-step greedy generator finds under the same
   * rules.
   */
  @Test
  void beamSearchFindsAtLeastGreedysLikelihood() {
    int better = 0;
    for (long seed = 0; seed < 10; seed++) {
      FakeModel model = ChoraleFakes.trigram(seed, tokenizer.vocabulary().size(), 1);
      int[] greedy = new ChoraleHarmoniser(tokenizer, 1).harmonise(model, template);
      int[] beam = new ChoraleHarmoniser(tokenizer, 4).harmonise(model, template);
      double greedyLikelihood = model.logLikelihood(greedy);
      double beamLikelihood = model.logLikelihood(beam);
      assertTrue(beamLikelihood >= greedyLikelihood - EPS,
          "seed " + seed + ": beam " + beamLikelihood + " < greedy " + greedyLikelihood);
      better += beamLikelihood > greedyLikelihood + EPS ? 1 : 0;
      // Greedy is the search of width 1 under the same rules, step by step.
      GenerationConfig config = GenerationConfig.builder().batchSize(1).minLength(template.length())
          .maxLength(template.length()).constraint(new ChoraleGrammar(tokenizer, G_MAJOR, template.length()))
          .fixAll(fixed()).build();
      assertArrayEquals(greedy, new SequenceGenerator(Sampler.greedy(), config).generate(model, 1, 0).get(0),
          "seed " + seed);
    }
    assertTrue(better >= 1, "beam search was never better than greedy decoding");
  }

  private Map<Integer, Integer> fixed() {
    Map<Integer, Integer> fixed = new TreeMap<>();
    for (int position = 1; position < template.length(); position++) {
      if (template.isFixed(position)) {
        fixed.put(position, template.tokenAt(position));
      }
    }
    return fixed;
  }

  @Test
  void rejectsABadWidthAndAModelOfAnotherVocabulary() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChoraleHarmoniser(tokenizer, 0));
    assertEquals("beam width must be at least 1 (1 = greedy), got 0", e.getMessage());
    FakeModel other = ChoraleFakes.trigram(0, tokenizer.vocabulary().size() - 1, 1);
    e = assertThrows(IllegalArgumentException.class, () -> new ChoraleHarmoniser(tokenizer, 2).harmonise(other,
        template));
    assertEquals("the model has 105 tokens but the tokenizer 106", e.getMessage());
    assertEquals("ChoraleHarmoniser[greedy]", new ChoraleHarmoniser(tokenizer, 1).toString());
    assertEquals("ChoraleHarmoniser[beam 4]", new ChoraleHarmoniser(tokenizer, 4).toString());
  }
}
