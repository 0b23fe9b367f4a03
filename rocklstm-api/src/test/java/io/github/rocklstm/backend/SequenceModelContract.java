package io.github.rocklstm.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.EpochEvent;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.ModelFileException;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.OptimizerState;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.SavedModel;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import io.github.rocklstm.model.StepEvent;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import io.github.rocklstm.train.CheckpointListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every backend must show, on the real RS200 corpus ({@link Rs200Fixture}) with tiny models. A
 * backend module extends this class and supplies {@link #backend()}; the whole suite should take well under three
 * minutes on two cores.
 *
 * <p>What is held to: learning (220 steps of a tiny model beat the validation perplexity of the unigram baseline by
 * a quarter, and of the best Kneser-Ney n-gram); the
 * portable layout (scores equal a plain-Java LSTM over the saved weights, and weights written by anyone load);
 * seeded initialisation (equal to {@link ParameterLayout#initialize} bit for bit); determinism (same seed, same
 * losses and scores); scoring and stepping agree; sessions reorder rows; save/load keeps scores; a resumed
 * checkpoint continues exactly like uninterrupted training; damaged files and bad arguments give clear errors;
 * GPUs work where the backend sees one (skipped with the reason otherwise).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SequenceModelContract {

  /** The backend under test. */
  protected abstract Backend backend();

  /** Tolerance for scores that should agree up to float rounding (score vs step, save vs load). */
  protected double tolerance() {
    return 1e-5;
  }

  @TempDir Path folder;

  private Rs200Fixture corpus;
  private SequenceModel trained;
  private TrainingSummary trainedSummary;
  private final List<StepEvent> trainedSteps = new ArrayList<>();

  /** The tiny model of most tests: embedding 16, one LSTM layer of 64 units. */
  protected ModelSpec tinySpec(double dropout) {
    return new ModelSpec(corpus.vocabularySize(), 16, 1, 64, dropout);
  }

  @BeforeAll
  void trainSharedModel() {
    corpus = Rs200Fixture.get();
    trained = backend().create(tinySpec(0.0), Device.cpu(), 7);
    TrainingConfig config =
        TrainingConfig.builder().batchSize(32).bptt(64).maxEpochs(5).learningRate(0.02).learningRateDecay(0.9)
            .earlyStoppingPatience(2).seed(11).build();
    trainedSummary =
        trained.fit(corpus.train(), corpus.validation(), config, new TrainingListener() {
          @Override
          public void onStep(StepEvent event) {
            trainedSteps.add(event);
          }

          @Override
          public void onEpoch(EpochEvent event, TrainingSummary summary) {
            System.out.printf(
                "%s contract model, epoch %d: %d steps, train %.4f nats/token, validation %.4f (perplexity %.3f), "
                    + "%.0f tokens/s%n",
                backend().name(), event.epoch(), event.steps(), event.trainLoss(), event.validationLoss(),
                event.validationPerplexity(), event.tokensPerSecond());
          }
        });
  }

  @AfterAll
  void closeSharedModel() {
    if (trained != null) {
      trained.close();
    }
  }

  // ---- learning ---------------------------------------------------------------------------------------------

  @Test
  void learnsTheCorpusBetterThanTheUnigramBaseline() {
    ScoreResult validation = trained.score(corpus.validation());
    double unigram = corpus.unigramValidationPerplexity();
    double nGram = corpus.nGramValidationPerplexity();
    System.out.printf(
        "%s contract model: validation perplexity %.3f; unigram %.3f, best Kneser-Ney %.3f%n",
        backend().name(), validation.perplexity(), unigram, nGram);
    assertTrue(
        validation.perplexity() < 0.75 * unigram,
        "validation perplexity " + validation.perplexity() + " vs unigram " + unigram);
    assertTrue(
        validation.perplexity() < nGram,
        "validation perplexity " + validation.perplexity() + " vs the best Kneser-Ney n-gram " + nGram);
    assertTrue(trainedSteps.size() >= 150, "steps: " + trainedSteps.size());
    double firstLoss = trainedSteps.get(0).loss();
    assertEquals(Math.log(corpus.vocabularySize()), firstLoss, 1.0, "an untrained model is near uniform");
    assertTrue(trainedSummary.lastTrainLoss() < firstLoss - 1, "train loss " + trainedSummary.lastTrainLoss());
    // The model holds its best epoch, whose validation loss is exactly what score() reports.
    assertEquals(trainedSummary.bestEpoch(), trainedSummary.weightsEpoch());
    assertEquals(trainedSummary.bestValidationLoss(), validation.natsPerToken(), tolerance());
    assertEquals(trainedSummary.steps(), trainedSteps.size());
    assertEquals(trainedSteps.get(trainedSteps.size() - 1).globalStep(), trainedSummary.steps());
  }

  // ---- portable layout and initialisation ----------------------------------------------------------------------

  @Test
  void scoresEqualThePlainJavaLstmOverTheSavedWeights() throws Exception {
    ModelSpec spec = new ModelSpec(corpus.vocabularySize(), 5, 2, 6, 0.3);
    List<int[]> sequences = corpus.validation().subList(0, 3).stream()
        .map(s -> Arrays.copyOf(s, Math.min(s.length, 40))).collect(Collectors.toList());
    try (SequenceModel model = backend().create(spec, Device.cpu(), 3)) {
      Path directory = folder.resolve("fresh");
      model.save(directory);
      SavedModel saved = ModelDirectory.read(directory);
      assertEquals(ParameterLayout.initialize(spec, 3), saved.weights(), "initial weights are the api's, bit for bit");
      assertEquals(backend().name(), saved.backend());
      assertReferenceScores(new ReferenceLstm(spec, saved.weights()), model.score(sequences), sequences);
    }
  }

  @Test
  void loadsWeightsWrittenByAnotherWriter() {
    ModelSpec spec = new ModelSpec(corpus.vocabularySize(), 4, 3, 5, 0.0);
    Map<String, FloatTensor> weights = ParameterLayout.initialize(spec, 1234);
    Path directory = folder.resolve("foreign");
    ModelDirectory.write(
        directory, new SavedModel("reference", spec, weights, Optional.empty(), Optional.empty(), Map.of("x", 1L)));
    List<int[]> sequences = corpus.train().subList(5, 8).stream()
        .map(s -> Arrays.copyOf(s, Math.min(s.length, 30))).collect(Collectors.toList());
    try (SequenceModel model = backend().load(directory, Device.cpu())) {
      assertEquals(spec, model.spec());
      assertEquals(Map.of("x", 1L), model.metadata());
      assertTrue(model.trainingSummary().isEmpty());
      assertReferenceScores(new ReferenceLstm(spec, weights), model.score(sequences), sequences);
    }
  }

  private void assertReferenceScores(ReferenceLstm reference, ScoreResult scores, List<int[]> sequences) {
    for (int i = 0; i < sequences.size(); i++) {
      double[] expected = reference.targetLogProbabilities(sequences.get(i));
      float[] actual = scores.tokenLogProbabilities(i);
      assertEquals(expected.length, actual.length);
      for (int t = 0; t < expected.length; t++) {
        assertEquals(expected[t], actual[t], 1e-4, "sequence " + i + ", target " + (t + 1));
      }
    }
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    ModelSpec spec = tinySpec(0.0);
    List<int[]> sequences = corpus.validation().subList(0, 2);
    try (SequenceModel a = backend().create(spec, Device.cpu(), 5);
        SequenceModel b = backend().create(spec, Device.cpu(), 5);
        SequenceModel c = backend().create(spec, Device.cpu(), 6)) {
      assertArrayEquals(a.score(sequences).logLikelihoods(), b.score(sequences).logLikelihoods());
      assertNotEquals(a.score(sequences).totalLogLikelihood(), c.score(sequences).totalLogLikelihood());
    }
  }

  // ---- determinism -------------------------------------------------------------------------------------------

  @Test
  void trainingIsDeterministicForASeed() {
    TrainingConfig config =
        TrainingConfig.builder().batchSize(16).bptt(32).maxEpochs(2).maxStepsPerEpoch(6).learningRate(0.01)
            .earlyStoppingPatience(0).seed(5).build();
    List<int[]> validation = corpus.validation().subList(0, 5);
    List<Double> lossesA = new ArrayList<>();
    List<Double> lossesB = new ArrayList<>();
    try (SequenceModel a = backend().create(tinySpec(0.2), Device.cpu(), 9);
        SequenceModel b = backend().create(tinySpec(0.2), Device.cpu(), 9)) {
      a.fit(corpus.train(), validation, config, recordLosses(lossesA));
      b.fit(corpus.train(), validation, config, recordLosses(lossesB));
      assertEquals(12, lossesA.size());
      assertEquals(lossesA, lossesB);
      assertArrayEquals(a.score(validation).logLikelihoods(), b.score(validation).logLikelihoods());
    }
  }

  private static TrainingListener recordLosses(List<Double> losses) {
    return new TrainingListener() {
      @Override
      public void onStep(StepEvent event) {
        losses.add(event.loss());
      }
    };
  }

  // ---- scoring and sessions ----------------------------------------------------------------------------------

  @Test
  void steppingGivesTheLogProbabilitiesThatScoreReports() {
    List<int[]> sequences = List.of(
        Arrays.copyOf(corpus.validation().get(0), 90),
        Arrays.copyOf(corpus.validation().get(1), 50),
        corpus.validation().get(2).length > 120 ? Arrays.copyOf(corpus.validation().get(2), 120)
            : corpus.validation().get(2));
    ScoreResult scores = trained.score(sequences);
    int longest = sequences.stream().mapToInt(s -> s.length).max().getAsInt();
    try (Session session = trained.newSession(sequences.size())) {
      for (int t = 0; t + 1 < longest; t++) {
        int[] tokens = new int[sequences.size()];
        for (int row = 0; row < tokens.length; row++) {
          int[] s = sequences.get(row);
          tokens[row] = t < s.length ? s[t] : Rs200Fixture.PAD;
        }
        float[][] logProbabilities = session.step(tokens);
        for (int row = 0; row < tokens.length; row++) {
          int[] s = sequences.get(row);
          if (t + 1 < s.length) {
            assertEquals(scores.tokenLogProbability(row, t), logProbabilities[row][s[t + 1]], tolerance(),
                "row " + row + ", target " + (t + 1));
          }
        }
      }
    }
  }

  @Test
  void stepReturnsNormalisedLogProbabilities() {
    try (Session session = trained.newSession(2)) {
      assertEquals(2, session.batchSize());
      assertEquals(corpus.vocabularySize(), session.vocabularySize());
      float[][] rows = session.step(new int[] {Rs200Fixture.START, 7});
      assertEquals(2, rows.length);
      for (float[] row : rows) {
        assertEquals(corpus.vocabularySize(), row.length);
        double sum = 0;
        for (float logProbability : row) {
          assertTrue(logProbability <= 1e-6);
          sum += Math.exp(logProbability);
        }
        assertEquals(1.0, sum, 1e-4);
      }
    }
  }

  @Test
  void selectRebuildsRowsFromTheChosenOnes() {
    int[] history = {Rs200Fixture.START, 10, 11};
    try (Session session = trained.newSession(3)) {
      session.step(new int[] {Rs200Fixture.START, Rs200Fixture.START, Rs200Fixture.START});
      session.step(new int[] {20, 30, 40});
      session.select(new int[] {2, 0, 0, 1});
      assertEquals(4, session.batchSize());
      float[][] after = session.step(new int[] {history[1], history[1], history[2], history[1]});
      int[][] paths = {{40, history[1]}, {20, history[1]}, {20, history[2]}, {30, history[1]}};
      for (int row = 0; row < paths.length; row++) {
        try (Session single = trained.newSession(1)) {
          single.step(new int[] {Rs200Fixture.START});
          single.step(new int[] {paths[row][0]});
          float[] expected = single.step(new int[] {paths[row][1]})[0];
          for (int v = 0; v < expected.length; v++) {
            assertEquals(expected[v], after[row][v], tolerance(), "row " + row + ", token " + v);
          }
        }
      }
      session.select(new int[] {3});
      assertEquals(1, session.batchSize());
      assertThrows(IllegalArgumentException.class, () -> session.select(new int[] {1}));
      assertThrows(IllegalArgumentException.class, () -> session.select(new int[0]));
    }
  }

  @Test
  void resetReturnsEveryRowToTheZeroState() {
    try (Session session = trained.newSession(2); Session fresh = trained.newSession(2)) {
      float[][] first = fresh.step(new int[] {Rs200Fixture.START, 12});
      session.step(new int[] {Rs200Fixture.START, 12});
      session.step(new int[] {30, 31});
      session.reset();
      float[][] again = session.step(new int[] {Rs200Fixture.START, 12});
      for (int row = 0; row < 2; row++) {
        assertArrayEquals(first[row], again[row], (float) tolerance());
      }
    }
  }

  // ---- save, load, resume ------------------------------------------------------------------------------------

  @Test
  void savedAndLoadedModelScoresTheSame() {
    Path directory = folder.resolve("trained");
    trained.setMetadata(Map.of("tokenizer", Map.of("kind", "whitespace", "vocabulary", corpus.vocabulary())));
    trained.save(directory);
    try (SequenceModel loaded = backend().load(directory, Device.cpu())) {
      assertEquals(trained.spec(), loaded.spec());
      assertEquals(backend().name(), loaded.backendName());
      assertEquals(Device.cpu(), loaded.device());
      assertEquals(trained.trainingSummary(), loaded.trainingSummary());
      assertEquals(corpus.vocabulary(), Json.getList(Json.getObject(loaded.metadata(), "tokenizer"), "vocabulary"));
      ScoreResult before = trained.score(corpus.validation());
      ScoreResult after = loaded.score(corpus.validation());
      for (int i = 0; i < before.sequenceCount(); i++) {
        assertEquals(before.logLikelihood(i), after.logLikelihood(i), 1e-6 * Math.abs(before.logLikelihood(i)));
        float[] a = before.tokenLogProbabilities(i);
        float[] b = after.tokenLogProbabilities(i);
        for (int t = 0; t < a.length; t++) {
          assertEquals(a[t], b[t], 1e-6);
        }
      }
    }
  }

  @Test
  void aResumedCheckpointContinuesExactlyLikeUninterruptedTraining() {
    TrainingConfig config =
        TrainingConfig.builder().batchSize(16).bptt(32).maxEpochs(3).maxStepsPerEpoch(4).learningRate(0.01)
            .learningRateDecay(0.5).earlyStoppingPatience(0).seed(21).build();
    List<int[]> validation = corpus.validation().subList(0, 4);
    List<Double> uninterruptedLosses = new ArrayList<>();
    TrainingSummary uninterrupted;
    ScoreResult uninterruptedScores;
    OptimizerState uninterruptedOptimizer;
    Path reference = folder.resolve("uninterrupted");
    try (SequenceModel model = backend().create(tinySpec(0.25), Device.cpu(), 17)) {
      uninterrupted = model.fit(corpus.train(), validation, config, recordLosses(uninterruptedLosses));
      uninterruptedScores = model.score(validation);
      model.save(reference);
      uninterruptedOptimizer = ModelDirectory.read(reference).optimizer().get();
    }

    Path checkpoints = folder.resolve("checkpoints");
    List<Double> resumedLosses = new ArrayList<>();
    try (SequenceModel model = backend().create(tinySpec(0.25), Device.cpu(), 17)) {
      model.fit(corpus.train(), validation, config.toBuilder().maxEpochs(2).build(),
          TrainingListener.both(recordLosses(resumedLosses), new CheckpointListener(model, checkpoints)));
    }
    try (SequenceModel model = backend().load(CheckpointListener.last(checkpoints), Device.cpu())) {
      assertEquals(2, model.trainingSummary().get().lastEpoch());
      TrainingSummary resumed = model.fit(corpus.train(), validation, config, recordLosses(resumedLosses));
      assertEquals(uninterruptedLosses, resumedLosses, "every step loss, epochs 1-2 before and 3 after the resume");
      assertEquals(uninterrupted.steps(), resumed.steps());
      assertEquals(uninterrupted.bestEpoch(), resumed.bestEpoch());
      assertEquals(
          uninterrupted.epochs().stream().map(EpochEvent::validationLoss).collect(Collectors.toList()),
          resumed.epochs().stream().map(EpochEvent::validationLoss).collect(Collectors.toList()));
      assertArrayEquals(uninterruptedScores.logLikelihoods(), model.score(validation).logLikelihoods());
      Path again = folder.resolve("resumed");
      model.save(again);
      OptimizerState resumedOptimizer = ModelDirectory.read(again).optimizer().get();
      assertEquals(uninterruptedOptimizer.step(), resumedOptimizer.step());
      assertEquals(uninterruptedOptimizer.firstMoment(), resumedOptimizer.firstMoment());
      assertEquals(uninterruptedOptimizer.secondMoment(), resumedOptimizer.secondMoment());
    }
  }

  @Test
  void damagedModelDirectoriesGiveClearErrors() throws Exception {
    Path directory = folder.resolve("damaged");
    trained.save(directory);
    Map<String, Object> json = Json.parseObject(Files.readString(directory.resolve(ModelDirectory.MODEL_JSON)));
    Path weights = directory.resolve((String) Json.getObject(json, "weights").get("file"));
    byte[] original = Files.readAllBytes(weights);

    byte[] tampered = original.clone();
    tampered[tampered.length - 10] ^= 0x40;
    Files.write(weights, tampered);
    assertLoadFails(directory, "fails its checksum");

    Files.write(weights, Arrays.copyOf(original, original.length / 2));
    assertLoadFails(directory, "truncated");

    Files.write(weights, original);
    try (SequenceModel restored = backend().load(directory, Device.cpu())) {
      assertEquals(trained.spec(), restored.spec());
    }
    Files.delete(directory.resolve(ModelDirectory.MODEL_JSON));
    assertLoadFails(directory, "not a rocklstm model directory");
  }

  private void assertLoadFails(Path directory, String text) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> backend().load(directory, Device.cpu()));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  // ---- bad arguments -----------------------------------------------------------------------------------------

  @Test
  void badArgumentsAreRejectedWithClearMessages() {
    TrainingConfig config = TrainingConfig.builder().maxEpochs(1).maxStepsPerEpoch(1).build();
    int vocabulary = corpus.vocabularySize();
    assertRejected(() -> trained.fit(List.of(), List.of(), config), "no training sequences");
    assertRejected(() -> trained.fit(List.of(new int[0]), List.of(), config), "has 0 token");
    assertRejected(() -> trained.fit(List.of(new int[] {1, 5, vocabulary}), List.of(), config),
        "position 2: token id " + vocabulary + " is outside the vocabulary");
    assertRejected(() -> trained.fit(corpus.train(), List.of(new int[] {1, -1, 2}), config), "validation sequence 0");
    assertRejected(() -> trained.score(List.of()), "no scored sequences");
    assertRejected(() -> trained.score(List.of(new int[] {1})), "has 1 token");
    assertRejected(() -> trained.newSession(0), "batchSize >= 1");
    // Training settings are checked before any backend sees them: a zero batch or a NaN rate never reaches fit.
    assertRejected(() -> TrainingConfig.builder().batchSize(0).build(), "batchSize must be >= 1, got 0");
    assertRejected(() -> TrainingConfig.builder().learningRate(Double.NaN).build(),
        "learningRate must be a finite number > 0, got NaN");
    try (Session session = trained.newSession(2)) {
      assertRejected(() -> session.step(new int[] {1}), "2 rows but 1 tokens");
      assertRejected(() -> session.step(new int[] {1, vocabulary + 3}), "outside the vocabulary");
    }
    assertEquals(trainedSummary, trained.trainingSummary().get(), "rejected calls leave the model untouched");
  }

  private static void assertRejected(Executable call, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void aClosedModelRefusesWork() {
    SequenceModel model = backend().create(tinySpec(0.0), Device.cpu(), 1);
    Session session = model.newSession(1);
    model.close();
    model.close();
    assertThrows(IllegalStateException.class, () -> model.score(corpus.validation()));
    assertThrows(IllegalStateException.class, () -> session.step(new int[] {1}));
    session.close();
  }

  // ---- devices -----------------------------------------------------------------------------------------------

  @Test
  void autoResolvesToAConcreteDevice() {
    List<Device> devices = backend().devices();
    assertEquals(Device.cpu(), devices.get(0));
    try (SequenceModel model = backend().create(tinySpec(0.0), Device.auto(), 1)) {
      assertNotEquals(Device.Type.AUTO, model.device().type());
      assertTrue(devices.contains(model.device()), model.device() + " not in " + devices);
    }
  }

  @Test
  void aGpuThatIsNotThereIsAClearError() {
    long gpus = backend().devices().stream().filter(Device::isGpu).count();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> backend().create(tinySpec(0.0), Device.gpu((int) gpus), 1));
    assertTrue(e.getMessage().contains("gpu" + gpus) && e.getMessage().contains("GPU"), e.getMessage());
  }

  @Test
  void trainsScoresAndStepsOnTheFirstGpu() {
    List<Device> devices = backend().devices();
    assumeTrue(devices.contains(Device.gpu(0)),
        "skipped: backend " + backend().name() + " sees no GPU here (devices " + devices + ")");
    List<int[]> sequences = corpus.validation().subList(0, 4);
    try (SequenceModel cpu = backend().create(tinySpec(0.0), Device.cpu(), 2);
        SequenceModel gpu = backend().create(tinySpec(0.0), Device.gpu(0), 2)) {
      assertEquals(Device.gpu(0), gpu.device());
      assertArrayEquals(cpu.score(sequences).logLikelihoods(), gpu.score(sequences).logLikelihoods(),
          1e-3 * Math.abs(cpu.score(sequences).totalLogLikelihood()));
      TrainingSummary summary = gpu.fit(corpus.train(), sequences,
          TrainingConfig.builder().maxEpochs(1).maxStepsPerEpoch(5).learningRate(0.01).build());
      assertTrue(Double.isFinite(summary.lastTrainLoss()));
      try (Session session = gpu.newSession(2)) {
        assertEquals(corpus.vocabularySize(), session.step(new int[] {1, 1})[0].length);
      }
      Path directory = folder.resolve("gpu");
      gpu.save(directory);
      try (SequenceModel back = backend().load(directory, Device.cpu())) {
        assertArrayEquals(gpu.score(sequences).logLikelihoods(), back.score(sequences).logLikelihoods(),
            1e-3 * Math.abs(gpu.score(sequences).totalLogLikelihood()));
      }
    }
  }
}
