package io.github.rocklstm.token;

import com.google.common.base.Preconditions;

/**
 * One thing wrong in a {@link ChoraleTokenizer} token sequence: found by
 * {@link ChoraleTokenizer#validateFrames(int[])}, or repaired by {@link ChoraleTokenizer#decodeLenient(int[])}.
 *
 * @param tokenIndex index in the token array of the token concerned (the array's length when the sequence ends
 *     too early)
 * @param frame the frame (16th-note step, from 0) it is in
 * @param message what is wrong and, for structural problems, how {@code decodeLenient} reads it
 */
public record FrameProblem(int tokenIndex, int frame, String message) {

  public FrameProblem {
    Preconditions.checkArgument(tokenIndex >= 0, "tokenIndex must be >= 0, was %s", tokenIndex);
    Preconditions.checkArgument(frame >= 0, "frame must be >= 0, was %s", frame);
    Preconditions.checkNotNull(message, "message");
  }

  /** {@code token 17, frame 3: ...}. */
  @Override
  public String toString() {
    return "token " + tokenIndex + ", frame " + frame + ": " + message;
  }
}
