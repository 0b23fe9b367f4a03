package io.github.rocklstm.eval;

import java.util.List;

/**
 * The listening-test {@link Evaluator}: the judgements of one or more listeners in, {@link
 * ListeningTestResults#metrics()} out (intervals at {@link ListeningTestResults#DEFAULT_CONFIDENCE}).
 */
public final class ListeningTestEvaluator implements Evaluator<List<ListeningJudgement>> {

  @Override
  public String name() {
    return "listening";
  }

  @Override
  public Metrics evaluate(List<ListeningJudgement> judgements) {
    return ListeningTestResults.of(judgements).metrics();
  }
}
