package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm grid-search}: BachBot's hyperparameter grid over chorale models. Every combination of the lists
 * in the config file is one trial, trained by {@code rocklstm train --task chorale} into {@code OUT/trials/<id>};
 * its validation cross-entropy goes to {@code OUT/results.csv}, and the best trial's model is copied to
 * {@code OUT/best}.
 */
@Command(
    name = "grid-search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Trains one chorale model per combination of the config's hyperparameters and keeps the best.",
        "Config (JSON), BachBot's names and ours: num_layers = --layers, rnn_size = --hidden, wordvec = --embedding,"
            + " seq_length = --bptt, dropout = --dropout, each a list; optional numbers epochs (--epochs),"
            + " max_steps_per_epoch (--max-steps-per-epoch), batch_size (--batch), learning_rate (--lr).",
        "Example config: {\"num_layers\": [2, 3], \"rnn_size\": [128, 256], \"wordvec\": [32],"
            + " \"seq_length\": [128], \"dropout\": [0.3], \"epochs\": 10}",
        "Writes OUT/trials/<id>/ (as train does), OUT/results.csv (one line per finished trial, written atomically)"
            + " and OUT/best (the model of the trial with the lowest validation nats/token)."})
final class GridSearchCommand implements Callable<Integer> {

  /** The header of {@code results.csv}. */
  static final String HEADER = "id,num_layers,rnn_size,wordvec,seq_length,dropout,epochs,validation_nats,"
      + "training_seconds,tokens_per_second";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The grid, as JSON.")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
  Path out;

  @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
      description = "Trials trained at once, each on its own thread (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--resume", description = "Skip trials already in OUT/results.csv; continue unfinished ones (a"
      + " folder in OUT/trials without a row) from their last checkpoint. Without it, an existing OUT/results.csv"
      + " row or trial folder is an error.")
  boolean resume;

  @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: as for train).")
  String backend;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Compute threads of the backend, shared by all trials (default: ${DEFAULT-VALUE}).")
  int threads;

  /** One combination of the grid. */
  record Trial(int layers, int hidden, int embedding, int bptt, double dropout) {
    String id() {
      return String.format(Locale.ROOT, "l%d-h%d-e%d-s%d-d%s", layers, hidden, embedding, bptt, dropout);
    }
  }

  private final Object resultsLock = new Object();

  @Override
  public Integer call() throws Exception {
    Preconditions.checkArgument(parallel >= 1, "--parallel must be >= 1, got %s", parallel);
    Map<String, Object> grid;
    try {
      grid = Json.parseObject(Files.readString(config));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
    }
    List<Trial> trials = trials(grid);
    Path results = out.resolve("results.csv");
    Set<String> done = finished(results);
    Preconditions.checkArgument(resume || done.isEmpty(),
        "%s already holds results: pass --resume to continue the search, or choose another --out", results);
    if (!resume) {
      for (Trial trial : trials) {
        Path directory = out.resolve("trials").resolve(trial.id());
        Preconditions.checkArgument(!Files.exists(directory), "%s exists already (an unfinished trial): pass --resume"
            + " to continue it from its last checkpoint, or choose another --out", directory);
      }
    }
    Files.createDirectories(out.resolve("trials"));
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%d trials, %d finished already, %d at a time%n", trials.size(), done.size(), parallel);
    err.flush();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Trial trial : trials) {
        if (done.contains(trial.id())) {
          err.println("skipping finished trial " + trial.id());
          continue;
        }
        running.add(pool.submit(() -> {
          runTrial(trial, grid, results);
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    String best = bestTrial(results);
    Path bestDirectory = out.resolve("best");
    deleteTree(bestDirectory);
    copyTree(out.resolve("trials").resolve(best).resolve("model"), bestDirectory);
    spec.commandLine().getOut().println("best trial: " + best + " (model copied to " + bestDirectory + ")");
    spec.commandLine().getOut().flush();
    return 0;
  }

  static List<Trial> trials(Map<String, Object> grid) {
    List<Trial> trials = new ArrayList<>();
    for (Number layers : numbers(grid, "num_layers")) {
      for (Number hidden : numbers(grid, "rnn_size")) {
        for (Number embedding : numbers(grid, "wordvec")) {
          for (Number bptt : numbers(grid, "seq_length")) {
            for (Number dropout : numbers(grid, "dropout")) {
              trials.add(new Trial(layers.intValue(), hidden.intValue(), embedding.intValue(), bptt.intValue(),
                  dropout.doubleValue()));
            }
          }
        }
      }
    }
    return trials;
  }

  private static List<Number> numbers(Map<String, Object> grid, String name) {
    Object value = grid.get(name);
    Preconditions.checkArgument(value instanceof List<?> list && !list.isEmpty(),
        "the grid needs \"%s\": a non-empty list of numbers, found %s", name, value);
    List<Number> numbers = new ArrayList<>();
    for (Object o : (List<?>) value) {
      Preconditions.checkArgument(o instanceof Number, "\"%s\" holds %s, not a number", name, o);
      numbers.add((Number) o);
    }
    return numbers;
  }

  private void runTrial(Trial trial, Map<String, Object> grid, Path results) throws IOException {
    Path directory = out.resolve("trials").resolve(trial.id());
    List<String> args = new ArrayList<>(List.of("train", "--task", "chorale", "--no-baselines", "--out",
        directory.toString(), "--layers", String.valueOf(trial.layers()), "--hidden", String.valueOf(trial.hidden()),
        "--embedding", String.valueOf(trial.embedding()), "--bptt", String.valueOf(trial.bptt()), "--dropout",
        String.valueOf(trial.dropout()), "--threads", String.valueOf(threads)));
    option(grid, "epochs", "--epochs", args);
    option(grid, "max_steps_per_epoch", "--max-steps-per-epoch", args);
    option(grid, "batch_size", "--batch", args);
    option(grid, "learning_rate", "--lr", args);
    if (backend != null) {
      args.addAll(List.of("--backend", backend));
    }
    if (resume && Files.isDirectory(directory)) {
      deleteTree(directory.resolve("model")); // an unfinished trial: continue from its last checkpoint
      args.add("--resume");
    }
    StringWriter trialErr = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(trialErr)).execute(args.toArray(String[]::new));
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("train.log"), trialErr.toString());
    if (code != 0) {
      throw new IllegalStateException("trial " + trial.id() + " failed (see " + directory.resolve("train.log")
          + "): " + lastLine(trialErr.toString()));
    }
    Map<String, Object> report = Json.parseObject(Files.readString(directory.resolve("report.json")));
    @SuppressWarnings("unchecked")
    Map<String, Object> validation = (Map<String, Object>) report.get("validation");
    String line = String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%s,%s,%.6f,%.1f,%.0f", trial.id(), trial.layers(),
        trial.hidden(), trial.embedding(), trial.bptt(), trial.dropout(), report.get("epochs"),
        ((Number) validation.get("lstm.nats")).doubleValue(), ((Number) report.get("trainingSeconds")).doubleValue(),
        ((Number) report.get("tokensPerSecond")).doubleValue());
    synchronized (resultsLock) {
      String before = Files.exists(results) ? Files.readString(results) : HEADER + "\n";
      AtomicFiles.writeString(results, before + line + "\n");
    }
    PrintWriter err = spec.commandLine().getErr();
    synchronized (err) {
      err.println("trial " + trial.id() + ": " + line);
      err.flush();
    }
  }

  private static void option(Map<String, Object> grid, String name, String option, List<String> args) {
    Object value = grid.get(name);
    if (value != null) {
      Preconditions.checkArgument(value instanceof Number, "\"%s\" must be a number, found %s", name, value);
      args.addAll(List.of(option, value.toString()));
    }
  }

  /** The ids in {@code results.csv}. */
  static Set<String> finished(Path results) throws IOException {
    Set<String> ids = new TreeSet<>();
    if (Files.exists(results)) {
      for (String line : Files.readAllLines(results)) {
        if (!line.isBlank() && !line.startsWith("id,")) {
          ids.add(line.substring(0, line.indexOf(',')));
        }
      }
    }
    return ids;
  }

  /** The id with the lowest validation nats in {@code results.csv}. */
  static String bestTrial(Path results) throws IOException {
    Preconditions.checkState(Files.exists(results), "no trial finished: %s is missing", results);
    return Files.readAllLines(results).stream().filter(l -> !l.isBlank() && !l.startsWith("id,"))
        .map(l -> l.split(",")).min(Comparator.comparingDouble(f -> Double.parseDouble(f[7])))
        .map(f -> f[0]).orElseThrow(() -> new IllegalStateException("no trial finished: " + results + " is empty"));
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
