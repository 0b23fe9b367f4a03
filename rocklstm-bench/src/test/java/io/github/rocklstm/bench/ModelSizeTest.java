package io.github.rocklstm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.model.ModelSpec;
import org.junit.jupiter.api.Test;

class ModelSizeTest {

  @Test
  void parsesLayersByHiddenUnits() {
    ModelSize size = ModelSize.parse("2x256");
    assertEquals(new ModelSize(2, 256), size);
    assertEquals("2x256", size.toString());
    assertEquals(new ModelSpec(31, 32, 2, 256, 0.3), size.spec(31, 0.3));
  }

  @Test
  void rejectsOtherForms() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSize.parse("2-256"));
    assertTrue(e.getMessage().contains("'2-256'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelSize.parse("5x256"));
  }
}
