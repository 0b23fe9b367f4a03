package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The runnable jar carries both backends: the command line's default, and the same music from either backend. */
class BackendChoiceTest {

  @Test
  void prefersDjlWhenBothArePresentAndHonoursTheOption() {
    assertEquals("djl", BackendChoice.resolve(null).name());
    assertEquals("dl4j", BackendChoice.resolve("dl4j").name());
    assertEquals("djl", BackendChoice.resolve("djl").name());
  }

  @Test
  void theBundledModelGeneratesTheSameProgressionOnEitherBackend() {
    assertEquals(generate("djl"), generate("dl4j"));
  }

  private static String generate(String backend) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("generate", "--backend", backend, "--seed", "11", "--bars", "8", "--key", "A");
    assertEquals(0, code, err.toString());
    return out.toString();
  }
}
