package io.github.rocklstm.music;

/** Major or minor: the two modes the corpora annotate and the tokenizers normalise to. */
public enum Mode {
  MAJOR,
  MINOR;

  /** The tonic that a key of this mode is normalised to: C for major, A for minor. */
  public PitchClass normalTonic() {
    return this == MAJOR ? PitchClass.C : PitchClass.A;
  }
}
