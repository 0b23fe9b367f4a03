package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a corpus reader produced: the items it read and, in {@link ReadMode#LENIENT} mode, the problems it
 * skipped (always empty in strict mode, which throws instead).
 */
public record ReadResult<T>(ImmutableList<T> items, ImmutableList<ReadProblem> problems) {

  public ReadResult {
    Preconditions.checkNotNull(items, "items");
    Preconditions.checkNotNull(problems, "problems");
  }

  public static <T> ReadResult<T> of(List<T> items, List<ReadProblem> problems) {
    return new ReadResult<>(ImmutableList.copyOf(items), ImmutableList.copyOf(problems));
  }

  /** Whether nothing was skipped. */
  public boolean clean() {
    return problems.isEmpty();
  }
}
