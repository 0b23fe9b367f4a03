package io.github.rocklstm.model;

import com.google.common.base.Preconditions;

/**
 * The architecture of a sequence model: token embedding, a stack of LSTM layers, dropout, and a linear layer to
 * the vocabulary.
 *
 * <p>The computation, which every backend implements the same way (see {@link ParameterLayout} for the weights):
 * <pre>
 *   x = embedding[token]                          (embeddingSize)
 *   for each layer l: x = dropout(lstm_l(x))      (hiddenSize; dropout only while training)
 *   logits = output.weight * x + output.bias      (vocabularySize)
 * </pre>
 * Dropout follows every LSTM layer, including the last one before the output layer (as in char-rnn and
 * BachBot), so a one-layer model is regularised too. It is inverted dropout with {@code dropout} the probability of
 * zeroing an activation (PyTorch's convention; kept activations are scaled by 1 / (1 - dropout)); note that
 * Deeplearning4j's {@code dropOut(x)} takes the probability of keeping one. Names follow BachBot: {@code wordvec} is the embedding size,
 * {@code rnn_size} the hidden size, {@code num_layers} the layer count.
 *
 * @param vocabularySize number of token ids, at least 2; ids run from 0 to {@code vocabularySize - 1}
 * @param embeddingSize width of the token embedding (BachBot's {@code wordvec}), at least 1
 * @param layers number of stacked LSTM layers, 1 to 4
 * @param hiddenSize width of each LSTM layer (BachBot's {@code rnn_size}), at least 1
 * @param dropout probability of zeroing an activation while training, in [0, 1)
 */
public record ModelSpec(int vocabularySize, int embeddingSize, int layers, int hiddenSize, double dropout) {

  /** The most LSTM layers a spec may have. */
  public static final int MAX_LAYERS = 4;

  /** Validates every field, naming it and the offending value. */
  public ModelSpec {
    Preconditions.checkArgument(vocabularySize >= 2, "vocabularySize must be >= 2, got %s", vocabularySize);
    Preconditions.checkArgument(embeddingSize >= 1, "embeddingSize must be >= 1, got %s", embeddingSize);
    Preconditions.checkArgument(
        layers >= 1 && layers <= MAX_LAYERS, "layers must be in 1..%s, got %s", MAX_LAYERS, layers);
    Preconditions.checkArgument(hiddenSize >= 1, "hiddenSize must be >= 1, got %s", hiddenSize);
    Preconditions.checkArgument(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got %s", dropout);
  }

  /** The same spec with another dropout. */
  public ModelSpec withDropout(double newDropout) {
    return new ModelSpec(vocabularySize, embeddingSize, layers, hiddenSize, newDropout);
  }

  /** The number of trainable parameters (all weights and biases). */
  public long parameterCount() {
    long count = (long) vocabularySize * embeddingSize;
    for (int layer = 0; layer < layers; layer++) {
      long input = layer == 0 ? embeddingSize : hiddenSize;
      count += 4L * hiddenSize * (input + hiddenSize) + 8L * hiddenSize;
    }
    return count + (long) vocabularySize * hiddenSize + vocabularySize;
  }
}
