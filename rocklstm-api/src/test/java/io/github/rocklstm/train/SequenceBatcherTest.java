package io.github.rocklstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceBatcherTest {

  private static final int[] A = {1, 10, 11, 12, 13, 2};
  private static final int[] B = {1, 20, 2};

  @Test
  void cutsWindowsThatTileTheTargets() {
    SequenceBatcher batcher = new SequenceBatcher(List.of(A, B), 2, 2);
    assertEquals(4, batcher.windowCount());
    assertEquals(2, batcher.batchesPerEpoch());
    assertEquals(7, batcher.targetTokens());
    List<TokenBatch> batches = batcher.inOrder();

    TokenBatch first = batches.get(0);
    assertEquals(2, first.rows());
    assertEquals(2, first.length());
    assertArrayEquals(new int[] {1, 10, 11, 12}, first.inputs());
    assertArrayEquals(new int[] {10, 11, 12, 13}, first.targets());
    assertArrayEquals(new float[] {1, 1, 1, 1}, first.mask());

    TokenBatch second = batches.get(1);
    assertArrayEquals(new int[] {13, 0, 1, 20}, second.inputs());
    assertArrayEquals(new int[] {2, 0, 20, 2}, second.targets());
    assertArrayEquals(new float[] {1, 0, 1, 1}, second.mask());
    assertEquals(1, second.rowLength(0));
    assertEquals(3, second.targetCount());
  }

  @Test
  void lastBatchMayHaveFewerRows() {
    SequenceBatcher batcher = new SequenceBatcher(List.of(A, B), 3, 2);
    List<TokenBatch> batches = batcher.inOrder();
    assertEquals(2, batches.size());
    assertEquals(3, batches.get(0).rows());
    assertEquals(1, batches.get(1).rows());
    assertArrayEquals(new int[] {1, 20}, batches.get(1).inputs());
  }

  @Test
  void shuffledEpochsCoverEveryWindowOnceAndDependOnTheSeed() {
    List<int[]> sequences = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int[] sequence = new int[3 + i % 7];
      for (int t = 0; t < sequence.length; t++) {
        sequence[t] = 100 * i + t;
      }
      sequences.add(sequence);
    }
    SequenceBatcher batcher = new SequenceBatcher(sequences, 4, 3);
    List<String> first = windows(batcher.epoch(7));
    assertEquals(first, windows(batcher.epoch(7)));
    assertNotEquals(first, windows(batcher.epoch(8)));
    assertEquals(batcher.windowCount(), first.size());
    Set<String> inOrder = new HashSet<>(windows(batcher.inOrder()));
    assertEquals(inOrder, new HashSet<>(first));
    assertEquals(batcher.windowCount(), inOrder.size());
  }

  private static List<String> windows(List<TokenBatch> batches) {
    List<String> windows = new ArrayList<>();
    for (TokenBatch batch : batches) {
      for (int row = 0; row < batch.rows(); row++) {
        StringBuilder window = new StringBuilder();
        for (int t = 0; t < batch.rowLength(row); t++) {
          window.append(batch.input(row, t)).append('>').append(batch.target(row, t)).append(' ');
        }
        windows.add(window.toString());
      }
    }
    return windows;
  }
}
