package io.github.rocklstm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceTest {

  @Test
  void parsesEveryForm() {
    assertEquals(Device.cpu(), Device.parse("cpu"));
    assertEquals(Device.cpu(), Device.parse(" CPU "));
    assertEquals(Device.auto(), Device.parse("auto"));
    assertEquals(Device.gpu(0), Device.parse("gpu"));
    assertEquals(Device.gpu(0), Device.parse("gpu0"));
    assertEquals(Device.gpu(3), Device.parse("GPU3"));
  }

  @Test
  void textFormRoundTrips() {
    for (Device device : new Device[] {Device.cpu(), Device.auto(), Device.gpu(0), Device.gpu(12)}) {
      assertEquals(device, Device.parse(device.toString()));
    }
    assertEquals("gpu12", Device.gpu(12).toString());
    assertTrue(Device.gpu(1).isGpu());
  }

  @Test
  void rejectsUnknownText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu0"));
    assertTrue(e.getMessage().contains("'tpu0'") && e.getMessage().contains("gpuN"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Device.parse("gpu-1"));
    assertThrows(IllegalArgumentException.class, () -> Device.parse("gpux"));
    assertThrows(IllegalArgumentException.class, () -> Device.gpu(-1));
    assertThrows(IllegalArgumentException.class, () -> new Device(Device.Type.CPU, 2));
  }
}
