package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.HarmonisationTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the alto, tenor and bass of a {@link HarmonisationTemplate} with a chorale model: every fixed position
 * (START, fermatas, soprano, frame ends, END) is given, the free ones are chosen by {@link BeamSearch} under the
 * {@link ChoraleGrammar} (each voice a rest, a struck note within its Bach range in the template's key, or the tie
 * of the note it held). Width 1 is greedy decoding, BachBot's method: at each free position the most probable
 * allowed token; a wider beam keeps the {@code width} most probable partial harmonisations and returns the most
 * probable complete one (all have the template's length, so no length normalisation is needed).
 *
 * <p>Deterministic; immutable and thread-safe (the model is used from the calling thread only).
 */
public final class ChoraleHarmoniser {

  private final ChoraleTokenizer tokenizer;
  private final int beamWidth;

  /**
   * A harmoniser.
   *
   * @param tokenizer the model's tokenizer
   * @param beamWidth 1 for greedy decoding, more for beam search
   */
  public ChoraleHarmoniser(ChoraleTokenizer tokenizer, int beamWidth) {
    this.tokenizer = Preconditions.checkNotNull(tokenizer, "tokenizer");
    Preconditions.checkArgument(beamWidth >= 1, "beam width must be at least 1 (1 = greedy), got %s", beamWidth);
    this.beamWidth = beamWidth;
  }

  /** The beam width (1: greedy). */
  public int beamWidth() {
    return beamWidth;
  }

  /**
   * The harmonisation of the template's soprano: the template's tokens with every free position filled.
   *
   * @param model a model trained with {@code tokenizer}
   * @param template the soprano's template from {@link ChoraleTokenizer#harmonisationTemplate}
   * @throws IllegalArgumentException when the model's vocabulary differs in size from the tokenizer's
   */
  public int[] harmonise(SequenceModel model, HarmonisationTemplate template) {
    Preconditions.checkNotNull(model, "model");
    Preconditions.checkNotNull(template, "template");
    Preconditions.checkArgument(model.spec().vocabularySize() == tokenizer.vocabulary().size(),
        "the model has %s tokens but the tokenizer %s", model.spec().vocabularySize(),
        tokenizer.vocabulary().size());
    int length = template.length();
    Map<Integer, Integer> fixed = new HashMap<>();
    for (int position = 1; position < length; position++) {
      if (template.isFixed(position)) {
        fixed.put(position, template.tokenAt(position));
      }
    }
    GenerationConfig config = GenerationConfig.builder().batchSize(1).minLength(length).maxLength(length)
        .fixAll(fixed).constraint(new ChoraleGrammar(tokenizer, template.key(), Math.max(length, 7))).build();
    List<BeamHypothesis> found = new BeamSearch(config, beamWidth, 0).search(model);
    return found.get(0).tokens();
  }

  @Override
  public String toString() {
    return "ChoraleHarmoniser[" + (beamWidth == 1 ? "greedy" : "beam " + beamWidth) + "]";
  }
}
