package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Nd4jRuntimeTest {

  @Test
  void threadSettingsParseWholeNumbersAndFallBackWhenUnset() {
    assertEquals(3, Nd4jRuntime.positiveSetting("x", "3", 7));
    assertEquals(3, Nd4jRuntime.positiveSetting("x", " 3 ", 7));
    assertEquals(7, Nd4jRuntime.positiveSetting("x", null, 7));
    assertEquals(7, Nd4jRuntime.positiveSetting("x", "", 7));
  }

  @Test
  void badThreadSettingsNameThePropertyAndTheValue() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> Nd4jRuntime.positiveSetting(Nd4jRuntime.THREADS_PROPERTY, "0", 1));
    assertEquals("rocklstm.dl4j.threads must be a whole number >= 1, got '0'", zero.getMessage());
    IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
        () -> Nd4jRuntime.positiveSetting("OMP_NUM_THREADS", "two", 1));
    assertTrue(word.getMessage().contains("'two'"), word.getMessage());
  }

  @Test
  void loadingNd4jAppliesTheThreadPolicy() {
    // The surefire configuration of this module sets OMP_NUM_THREADS=1 and no rocklstm.dl4j.* properties, so OpenBLAS
    // gets 1 thread (from OMP_NUM_THREADS) and libnd4j 1 thread per operation (the default).
    assertEquals("1", System.getenv("OMP_NUM_THREADS"));
    assertEquals(1, Nd4jRuntime.blasThreadsSetting());
    assertEquals(1, Nd4jRuntime.opThreadsSetting());
    assertEquals("blas=1, ops=1", Nd4jRuntime.threadSummary());
  }
}
