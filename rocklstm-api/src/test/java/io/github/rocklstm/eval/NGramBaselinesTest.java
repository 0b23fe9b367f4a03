package io.github.rocklstm.eval;

import static io.github.rocklstm.eval.TinyCorpus.A;
import static io.github.rocklstm.eval.TinyCorpus.B;
import static io.github.rocklstm.eval.TinyCorpus.END;
import static io.github.rocklstm.eval.TinyCorpus.SEQUENCES;
import static io.github.rocklstm.eval.TinyCorpus.START;
import static io.github.rocklstm.eval.TinyCorpus.V;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NGramBaselinesTest {

  @Test
  void metricsOnTheTinyCorpusByHand() {
    // Held out: START A B END, three predicted tokens.
    // unigram (add-one, see UnigramModelTest): ln(4/23) + ln(9/23) + ln(4/23)
    // kn2 (see KneserNeyModelTest): P(A|START) = 541/1350, P(END|B) = 39/400, and after A (A.B 2, A.END 1,
    //   mass 3/5 + 11/10 = 17/10, gamma 17/30): P(B|A) = (2 - 11/10)/3 + 17/30 * 14/45 = 3/10 + 119/675 = 643/1350
    // nats: unigram 1.4786..., kn2 1.3279...: the bigram is best.
    NGramBaselines baselines = NGramBaselines.fit(SEQUENCES, V, 2);
    Metrics metrics = baselines.evaluate(List.<int[]>of(new int[] {START, A, B, END}));
    assertEquals(List.of("unigram.nats", "unigram.perplexity", "kn2.nats", "kn2.perplexity", "best.nats",
        "best.perplexity", "best.order", "tokens"), metrics.names());
    double unigram = -(2 * Math.log(4.0 / 23) + Math.log(9.0 / 23)) / 3;
    double bigram = -(Math.log(541.0 / 1350) + Math.log(643.0 / 1350) + Math.log(39.0 / 400)) / 3;
    assertEquals(unigram, metrics.value("unigram.nats"), 1e-12);
    assertEquals(Math.exp(unigram), metrics.value("unigram.perplexity"), 1e-12);
    assertEquals(bigram, metrics.value("kn2.nats"), 1e-12);
    assertEquals(bigram, metrics.value(NGramBaselines.BEST_NATS), 1e-12);
    assertEquals(Math.exp(bigram), metrics.value(NGramBaselines.BEST_PERPLEXITY), 1e-12);
    assertEquals(2, metrics.value(NGramBaselines.BEST_ORDER));
    assertEquals(3, metrics.value(NGramBaselines.TOKENS));
    assertEquals(Metric.PERPLEXITY, metrics.get("kn2.perplexity").unit());
  }

  @Test
  void kneserNeyBeatsTheUnigramOnHeldOutRockAnalyses() {
    // RS200 expanded analyses split on whitespace (chords, '|', '.', '[G]' ...), every tenth song held out.
    Rs200WhitespaceCorpus corpus = Rs200WhitespaceCorpus.load();
    assertEquals(360, corpus.training.size());
    assertEquals(40, corpus.heldOut.size());
    assertEquals(78_508, Rs200WhitespaceCorpus.predictedTokens(corpus.training));
    assertEquals(229, corpus.vocabularySize);
    assertEquals(8, corpus.heldOutUnknownTokens);

    NGramBaselines baselines = NGramBaselines.fit(corpus.training, corpus.vocabularySize);
    Metrics metrics = baselines.evaluate(corpus.heldOut);
    // Measured (and reproduced by an independent dictionary-based implementation in Python):
    //   unigram 7.568270572858602, kn2 6.67814992126669, kn3 6.652208680613262, kn4 6.724892036634942,
    //   kn5 5.805335810753014 perplexity over 7713 held-out tokens. Held-out is only 20 songs: the 4-gram does
    //   worse than the trigram there, the 5-gram best.
    assertEquals(7713, metrics.value(NGramBaselines.TOKENS));
    assertEquals(7.568270572858602, metrics.value("unigram.perplexity"), 1e-9);
    assertEquals(6.67814992126669, metrics.value("kn2.perplexity"), 1e-9);
    assertEquals(6.652208680613262, metrics.value("kn3.perplexity"), 1e-9);
    assertEquals(6.724892036634942, metrics.value("kn4.perplexity"), 1e-9);
    assertEquals(5.805335810753014, metrics.value("kn5.perplexity"), 1e-9);
    assertEquals(1.758777462012957, metrics.value("kn5.nats"), 1e-12);

    assertTrue(metrics.value("unigram.perplexity") > metrics.value("kn2.perplexity"));
    assertTrue(metrics.value("kn2.perplexity") > metrics.value("kn3.perplexity"));
    for (int order = 2; order <= KneserNeyModel.MAX_ORDER; order++) {
      assertTrue(metrics.value("kn" + order + ".perplexity") < metrics.value("unigram.perplexity"));
      assertTrue(metrics.value("kn" + order + ".perplexity") >= metrics.value(NGramBaselines.BEST_PERPLEXITY));
    }
    assertEquals(5, metrics.value(NGramBaselines.BEST_ORDER));
    assertEquals(metrics.value("kn5.perplexity"), metrics.value(NGramBaselines.BEST_PERPLEXITY));
  }

  @Test
  void modelsAndScoresAreLabelled() {
    NGramBaselines baselines = NGramBaselines.fit(SEQUENCES, V);
    assertEquals("ngram", baselines.name());
    assertEquals(List.of("unigram", "kn2", "kn3", "kn4", "kn5"), baselines.models().keySet().asList());
    assertEquals(4, baselines.kneserNey().size());
    assertEquals(5, baselines.kneserNey().get(3).order());
    assertEquals(List.of("unigram", "kn2", "kn3", "kn4", "kn5"),
        baselines.score(SEQUENCES).keySet().asList());
    assertEquals(List.of("unigram"), NGramBaselines.fit(SEQUENCES, V, 1).models().keySet().asList());
  }

  @Test
  void badArgumentsAreClearErrors() {
    assertEquals("n-gram order must be 1..5, got 6",
        assertThrows(IllegalArgumentException.class, () -> NGramBaselines.fit(SEQUENCES, V, 6)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> NGramBaselines.fit(SEQUENCES, V, 0));
    NGramBaselines baselines = NGramBaselines.fit(SEQUENCES, V, 2);
    assertThrows(IllegalArgumentException.class, () -> baselines.evaluate(List.of()));
    assertThrows(IllegalArgumentException.class, () -> baselines.evaluate(List.<int[]>of(new int[] {START, 9})));
    assertThrows(IllegalArgumentException.class, () -> baselines.evaluate(List.<int[]>of(new int[] {B})));
  }
}
