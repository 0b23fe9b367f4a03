package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;

/**
 * What {@link ChoraleTokenizer#decodeLenient(int[])} made of a token sequence: the chorale, and each repair it
 * needed to get there (empty when the sequence was well formed and {@code decode} would give the same chorale).
 *
 * @param chorale the decoded chorale
 * @param repairs every repair, in token order
 */
public record LenientDecoding(Chorale chorale, ImmutableList<FrameProblem> repairs) {

  public LenientDecoding {
    Preconditions.checkNotNull(chorale, "chorale");
    Preconditions.checkNotNull(repairs, "repairs");
  }

  /** Whether nothing needed repairing. */
  public boolean clean() {
    return repairs.isEmpty();
  }
}
