package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam's state for every parameter, in the portable layout of {@link ParameterLayout}: saved next to the weights
 * so that training resumes exactly.
 *
 * <p>Every backend implements the same update (PyTorch's {@code torch.optim.Adam}, no weight decay), applied after
 * global-norm clipping of the gradient g over all tensors together:
 * <pre>
 *   g ← g · min(1, clip / (‖g‖₂ + 1e-6))          (skipped when clip = 0)
 *   t ← t + 1
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   w ← w − lr · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)
 * </pre>
 * with β1 = {@value #BETA1}, β2 = {@value #BETA2}, ε = {@value #EPSILON}. The loss being minimised is the mean
 * cross-entropy over the batch's real (unpadded) target positions. Ready-made optimisers can differ in details: for
 * instance Deeplearning4j's {@code AdamUpdater} does not scale ε by √(1 − β2^t), and its gradient normalisation
 * clips per layer rather than globally; a backend must apply the rule above.
 *
 * @param step t, the number of updates applied so far
 * @param firstMoment m per parameter name
 * @param secondMoment v per parameter name
 */
public record OptimizerState(long step, Map<String, FloatTensor> firstMoment, Map<String, FloatTensor> secondMoment) {

  /** Adam's β1. */
  public static final double BETA1 = 0.9;

  /** Adam's β2. */
  public static final double BETA2 = 0.999;

  /** Adam's ε. */
  public static final double EPSILON = 1e-8;

  /** Copies the maps (keeping their order) and checks they name the same tensors. */
  public OptimizerState {
    Preconditions.checkArgument(step >= 0, "step must be >= 0, got %s", step);
    firstMoment = Collections.unmodifiableMap(new LinkedHashMap<>(firstMoment));
    secondMoment = Collections.unmodifiableMap(new LinkedHashMap<>(secondMoment));
    Preconditions.checkArgument(
        firstMoment.keySet().equals(secondMoment.keySet()),
        "first and second moments name different tensors: %s vs %s",
        firstMoment.keySet(),
        secondMoment.keySet());
  }

  /** The state before the first update: t = 0 and zero moments. */
  public static OptimizerState initial(ModelSpec spec) {
    return new OptimizerState(0, ParameterLayout.zeros(spec), ParameterLayout.zeros(spec));
  }
}
