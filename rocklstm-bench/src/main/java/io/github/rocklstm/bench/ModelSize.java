package io.github.rocklstm.bench;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.ModelSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a benchmarked model as written in a JMH parameter: {@code LAYERSxHIDDEN}, e.g. {@code 2x256} for two
 * LSTM layers of 256 units.
 *
 * @param layers stacked LSTM layers, 1 to {@link ModelSpec#MAX_LAYERS}
 * @param hiddenSize units per layer, at least 1
 */
public record ModelSize(int layers, int hiddenSize) {

  private static final Pattern FORMAT = Pattern.compile("(\\d+)x(\\d+)");

  /** Checks both fields. */
  public ModelSize {
    Preconditions.checkArgument(layers >= 1 && layers <= ModelSpec.MAX_LAYERS, "layers must be in 1..%s, got %s",
        ModelSpec.MAX_LAYERS, layers);
    Preconditions.checkArgument(hiddenSize >= 1, "hidden size must be >= 1, got %s", hiddenSize);
  }

  /**
   * Parses {@code LAYERSxHIDDEN}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static ModelSize parse(String text) {
    Preconditions.checkNotNull(text, "text");
    Matcher matcher = FORMAT.matcher(text.trim());
    Preconditions.checkArgument(matcher.matches(),
        "model size '%s' is not LAYERSxHIDDEN (for example 1x128, 2x256 or 3x256)", text);
    return new ModelSize(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /** The model of this size with the benchmarks' embedding width ({@value BenchmarkShapes#EMBEDDING_SIZE}). */
  public ModelSpec spec(int vocabularySize, double dropout) {
    return new ModelSpec(vocabularySize, BenchmarkShapes.EMBEDDING_SIZE, layers, hiddenSize, dropout);
  }

  @Override
  public String toString() {
    return layers + "x" + hiddenSize;
  }
}
