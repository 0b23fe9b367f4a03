package io.github.rocklstm.corpus;

/** Where a {@link Song}'s key (and each of its {@link KeyChange}s) comes from. */
public enum KeySource {
  /** Tonic and mode are annotated (RS200 or McGill tonic with the mode of the matching CoCoPops key). */
  ANNOTATED,
  /**
   * The annotation fixes the tonic (McGill, RS200 without a CoCoPops mode) or the key signature (jazz
   * {@code DBKeySig}); the mode was chosen by {@link KeyFinder}.
   */
  MODE_ESTIMATED,
  /** Nothing is annotated (Harte {@code .lab} files); {@link KeyFinder} chose tonic and mode. */
  ESTIMATED
}
