package io.github.rocklstm.dl4j;

import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every tensor of a {@link ModelSpec} in one flat float array, in {@link ParameterLayout} order and shape, with a
 * view per tensor. Parameters, gradients and Adam's two moments each live in one of these, so clipping and Adam run
 * as a few operations over the whole model, and a tensor's view has exactly the portable (PyTorch) layout: reading
 * or writing weights copies them without any reordering.
 *
 * <p>The flat array is created outside any ND4J workspace, so it lives as long as this object.
 */
// ND4J workspaces are scopes: try-with-resources opens and closes them without naming them in the body.
@SuppressWarnings("try")
final class FlatTensors {

  private final INDArray flat;
  private final Map<String, INDArray> views = new LinkedHashMap<>();
  private final Map<String, int[]> shapes = new LinkedHashMap<>();

  /** Zeros of every tensor of {@code spec}. */
  FlatTensors(ModelSpec spec) {
    long total = 0;
    for (List<Integer> shape : ParameterLayout.shapes(spec).values()) {
      total += shape.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }
    try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      flat = Nd4j.create(DataType.FLOAT, total);
    }
    long offset = 0;
    for (Map.Entry<String, List<Integer>> entry : ParameterLayout.shapes(spec).entrySet()) {
      int[] shape = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
      long size = 1;
      long[] longShape = new long[shape.length];
      for (int axis = 0; axis < shape.length; axis++) {
        size *= shape[axis];
        longShape[axis] = shape[axis];
      }
      INDArray view = flat.get(NDArrayIndex.interval(offset, offset + size)).reshape('c', longShape);
      views.put(entry.getKey(), view);
      shapes.put(entry.getKey(), shape);
      offset += size;
    }
  }

  /** The whole flat array [total]. */
  INDArray flat() {
    return flat;
  }

  /** The view of tensor {@code name} (a {@link ParameterLayout} name), in its portable shape. */
  INDArray get(String name) {
    INDArray view = views.get(name);
    if (view == null) {
      throw new IllegalArgumentException("no tensor '" + name + "' in " + views.keySet());
    }
    return view;
  }

  /** Copies {@code tensors} (already checked against the spec) into the views. */
  void set(Map<String, FloatTensor> tensors) {
    try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (Map.Entry<String, INDArray> entry : views.entrySet()) {
        FloatTensor tensor = tensors.get(entry.getKey());
        entry.getValue().assign(Nd4j.create(tensor.toArray(), entry.getValue().shape(), 'c'));
      }
    }
  }

  /** A copy of every tensor, in {@link ParameterLayout} order. */
  Map<String, FloatTensor> toTensors() {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray> entry : views.entrySet()) {
      float[] values = entry.getValue().dup('c').data().asFloat();
      tensors.put(entry.getKey(), FloatTensor.wrap(values, shapes.get(entry.getKey()).clone()));
    }
    return tensors;
  }
}
