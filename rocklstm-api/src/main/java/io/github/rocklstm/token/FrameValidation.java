package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * The verdict of {@link ChoraleTokenizer#validateFrames(int[])}: whether every frame holds exactly four voices,
 * each a rest or a note within that voice's range, and the sequence is otherwise well formed.
 *
 * @param frames the frames read (with {@code decodeLenient}'s repairs, so a sequence with problems still counts
 *     the frames it would decode to)
 * @param rests voice slots holding a rest (not a problem: Bach's voices rest now and then)
 * @param problems every problem, in token order; empty when the sequence is valid
 */
public record FrameValidation(int frames, int rests, ImmutableList<FrameProblem> problems) {

  public FrameValidation {
    Preconditions.checkArgument(frames >= 0 && rests >= 0, "counts must not be negative");
    Preconditions.checkNotNull(problems, "problems");
  }

  /** Whether there is no problem: the sequence decodes strictly into four voices within their ranges. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
