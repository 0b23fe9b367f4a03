package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the folder that holds the corpora ({@code mcgill-billboard/}, {@code rs200-rock-corpus/}, ...).
 *
 * <p>In order: the environment variable {@code ROCKLSTM_DATA}; the system property {@code rocklstm.data};
 * otherwise the first folder {@code shared/corpora} found in the working directory or one of its parents,
 * which is {@code ../shared/corpora} seen from a checkout of this project. The corpora are read in place and
 * never copied.
 */
public final class DataDirectory {

  /** The environment variable that overrides where corpora are read from. */
  public static final String ENVIRONMENT_VARIABLE = "ROCKLSTM_DATA";

  /** The system property that overrides where corpora are read from (after the environment variable). */
  public static final String SYSTEM_PROPERTY = "rocklstm.data";

  private DataDirectory() {}

  /**
   * The corpora folder.
   *
   * @throws IllegalStateException when no folder is configured and none is found, saying where it looked
   */
  public static Path locate() {
    return locate(System.getenv(), System.getProperty(SYSTEM_PROPERTY), Path.of("").toAbsolutePath());
  }

  /** The folder of one corpus, e.g. {@code resolve("mcgill-billboard")}; fails clearly when it is missing. */
  public static Path resolve(String corpusFolder) {
    return resolve(locate(), corpusFolder);
  }

  /** As {@link #resolve(String)}, under the corpora folder {@code root}. */
  public static Path resolve(Path root, String corpusFolder) {
    Preconditions.checkNotNull(root, "root");
    Preconditions.checkNotNull(corpusFolder, "corpusFolder");
    Path folder = root.resolve(corpusFolder);
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "corpus folder " + folder + " does not exist (corpora root " + root + " holds no '" + corpusFolder
              + "'; set " + ENVIRONMENT_VARIABLE + " to the folder holding the corpora)");
    }
    return folder;
  }

  static Path locate(Map<String, String> environment, String property, Path workingDirectory) {
    String configured = environment.get(ENVIRONMENT_VARIABLE);
    String source = ENVIRONMENT_VARIABLE;
    if (configured == null || configured.isBlank()) {
      configured = property;
      source = "-D" + SYSTEM_PROPERTY;
    }
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(path)) {
        throw new IllegalStateException(source + " points at " + path + ", which is not a directory");
      }
      return path;
    }
    for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpora");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException(
        "no corpora folder found: set " + ENVIRONMENT_VARIABLE + " (or -D" + SYSTEM_PROPERTY
            + ") to the folder holding the corpora, or run from a checkout with ../shared/corpora beside it"
            + " (searched upwards from " + workingDirectory + ")");
  }
}
