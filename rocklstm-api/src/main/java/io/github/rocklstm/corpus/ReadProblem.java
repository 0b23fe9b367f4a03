package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;

/** One problem that a {@link ReadMode#LENIENT} read skipped: where, and what was wrong. */
public record ReadProblem(SourcePosition position, String problem) {

  public ReadProblem {
    Preconditions.checkNotNull(position, "position");
    Preconditions.checkNotNull(problem, "problem");
  }

  /** The problem a strict read would have thrown. */
  public static ReadProblem of(CorpusFormatException e) {
    return new ReadProblem(e.position(), e.problem());
  }

  @Override
  public String toString() {
    return position + ": " + problem;
  }
}
