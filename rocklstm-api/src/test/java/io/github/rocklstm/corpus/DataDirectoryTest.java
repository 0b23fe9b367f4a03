package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir Path temp;

  @Test
  void environmentVariableWinsOverPropertyAndSearch() throws Exception {
    Path env = Files.createDirectories(temp.resolve("env"));
    Path prop = Files.createDirectories(temp.resolve("prop"));
    assertEquals(env, DataDirectory.locate(Map.of("ROCKLSTM_DATA", env.toString()), prop.toString(), temp));
    assertEquals(prop, DataDirectory.locate(Map.of(), prop.toString(), temp));
  }

  @Test
  void findsSharedCorporaInAParentFolder() throws Exception {
    Path corpora = Files.createDirectories(temp.resolve("shared/corpora"));
    Path checkout = Files.createDirectories(temp.resolve("main/rocklstm-api"));
    assertEquals(corpora, DataDirectory.locate(Map.of(), null, checkout));
  }

  @Test
  void missingFolderIsAClearError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DataDirectory.locate(Map.of("ROCKLSTM_DATA", temp.resolve("nope").toString()), null, temp));
    assertTrue(e.getMessage().contains("ROCKLSTM_DATA"), e.getMessage());
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> DataDirectory.locate(Map.of(), null, temp));
    assertTrue(none.getMessage().contains("no corpora folder found"), none.getMessage());
  }

  @Test
  void theRealCorporaAreFoundFromTheBuild() {
    assertTrue(Files.isDirectory(DataDirectory.resolve("mcgill-billboard")));
  }
}
