package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Rs200Fixture;
import io.github.rocklstm.djl.DjlBackend;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.StepEvent;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models move between backends: trained with DJL (PyTorch) and loaded here, or trained here and loaded in DJL, they
 * give the same log-likelihoods to 1e-4 nats, per token and per sequence (measured: at most 1.9e-6 per token and
 * 7.7e-5 per sequence); and both backends train the same way (same losses step by step from the same seed without
 * dropout).
 */
class CrossBackendTest {

  private static final Rs200Fixture CORPUS = Rs200Fixture.get();

  @TempDir Path folder;

  private static ModelSpec spec(double dropout) {
    return new ModelSpec(CORPUS.vocabularySize(), 12, 2, 24, dropout);
  }

  private static TrainingConfig config(int steps) {
    return TrainingConfig.builder().batchSize(16).bptt(32).maxEpochs(1).maxStepsPerEpoch(steps).learningRate(0.01)
        .earlyStoppingPatience(0).seed(3).build();
  }

  private static List<int[]> validation() {
    return CORPUS.validation().subList(0, 12);
  }

  @Test
  void aModelTrainedWithDjlScoresTheSameHere() {
    assertMovesBetween(new DjlBackend(), new Dl4jBackend(), "from-djl");
  }

  @Test
  void aModelTrainedHereScoresTheSameWithDjl() {
    assertMovesBetween(new Dl4jBackend(), new DjlBackend(), "from-dl4j");
  }

  private void assertMovesBetween(Backend trainer, Backend reader, String name) {
    Path directory = folder.resolve(name);
    ScoreResult original;
    try (SequenceModel model = trainer.create(spec(0.2), Device.cpu(), 31)) {
      model.fit(CORPUS.train(), validation(), config(40), TrainingListener.NONE);
      original = model.score(validation());
      model.save(directory);
    }
    assertEquals(trainer.name(), ModelDirectory.read(directory).backend());
    try (SequenceModel loaded = reader.load(directory, Device.cpu())) {
      assertEquals(reader.name(), loaded.backendName());
      ScoreResult moved = loaded.score(validation());
      double worst = 0;
      double worstSequence = 0;
      for (int i = 0; i < original.sequenceCount(); i++) {
        worstSequence = Math.max(worstSequence, Math.abs(original.logLikelihood(i) - moved.logLikelihood(i)));
        assertEquals(original.logLikelihood(i), moved.logLikelihood(i), 1e-4, "log-likelihood of sequence " + i);
        float[] a = original.tokenLogProbabilities(i);
        float[] b = moved.tokenLogProbabilities(i);
        assertEquals(a.length, b.length);
        for (int t = 0; t < a.length; t++) {
          worst = Math.max(worst, Math.abs(a[t] - b[t]));
          assertEquals(a[t], b[t], 1e-4, "sequence " + i + ", target " + (t + 1));
        }
      }
      System.out.printf("%s -> %s: %.6f nats/token, largest difference per token %.2e, per sequence %.2e%n",
          trainer.name(), reader.name(), moved.natsPerToken(), worst, worstSequence);
      // Training resumes in the other backend from the saved Adam state.
      TrainingConfig more = config(40).toBuilder().maxEpochs(2).build();
      loaded.fit(CORPUS.train(), validation(), more, TrainingListener.NONE);
      assertTrue(loaded.score(validation()).natsPerToken() < original.natsPerToken(),
          "a second epoch in " + reader.name() + " improves on the first in " + trainer.name());
    }
  }

  @Test
  void bothBackendsTakeTheSameStepsFromTheSameSeed() {
    List<Double> djlLosses = new ArrayList<>();
    List<Double> dl4jLosses = new ArrayList<>();
    Map<String, FloatTensor> djlWeights;
    Map<String, FloatTensor> dl4jWeights;
    try (SequenceModel djl = new DjlBackend().create(spec(0.0), Device.cpu(), 8);
        SequenceModel dl4j = new Dl4jBackend().create(spec(0.0), Device.cpu(), 8)) {
      djl.fit(CORPUS.train(), List.of(), config(10), recordLosses(djlLosses));
      dl4j.fit(CORPUS.train(), List.of(), config(10), recordLosses(dl4jLosses));
      djl.save(folder.resolve("djl"));
      dl4j.save(folder.resolve("dl4j"));
    }
    djlWeights = ModelDirectory.read(folder.resolve("djl")).weights();
    dl4jWeights = ModelDirectory.read(folder.resolve("dl4j")).weights();
    assertEquals(10, dl4jLosses.size());
    for (int step = 0; step < djlLosses.size(); step++) {
      assertEquals(djlLosses.get(step), dl4jLosses.get(step), 1e-4, "loss of step " + (step + 1));
    }
    double worst = 0;
    for (String name : djlWeights.keySet()) {
      FloatTensor a = djlWeights.get(name);
      FloatTensor b = dl4jWeights.get(name);
      for (int i = 0; i < a.size(); i++) {
        worst = Math.max(worst, Math.abs(a.get(i) - b.get(i)));
      }
    }
    System.out.printf("after 10 steps: losses %s (djl) vs %s (dl4j); largest weight difference %.2e%n", djlLosses,
        dl4jLosses, worst);
    assertTrue(worst < 1e-3, "largest weight difference after 10 Adam steps: " + worst);
  }

  private static TrainingListener recordLosses(List<Double> losses) {
    return new TrainingListener() {
      @Override
      public void onStep(StepEvent event) {
        losses.add(event.loss());
      }
    };
  }
}
