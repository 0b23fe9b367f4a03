package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a reader sends the problems it finds: in {@link ReadMode#STRICT} mode the first one is thrown, in
 * {@link ReadMode#LENIENT} mode they are collected for the {@link ReadResult} and the reader skips the line (or
 * the file) and goes on.
 */
final class ProblemLog {

  private final ReadMode mode;
  private final List<ReadProblem> problems = new ArrayList<>();

  ProblemLog(ReadMode mode) {
    this.mode = Preconditions.checkNotNull(mode, "mode");
  }

  ReadMode mode() {
    return mode;
  }

  /** Throws {@code e} in strict mode; records it in lenient mode. */
  void report(CorpusFormatException e) {
    if (mode == ReadMode.STRICT) {
      throw e;
    }
    problems.add(ReadProblem.of(e));
  }

  /** Throws in strict mode; records the problem in lenient mode. */
  void report(SourcePosition position, String problem) {
    report(new CorpusFormatException(position, problem));
  }

  int size() {
    return problems.size();
  }

  ImmutableList<ReadProblem> problems() {
    return ImmutableList.copyOf(problems);
  }
}
