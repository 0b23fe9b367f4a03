package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.RomanNumeral;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.ChordTokenizerMetadata;
import io.github.rocklstm.token.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A chord model ready for the {@code generate} and {@code inpaint} commands: the loaded {@link SequenceModel} and
 * the {@link ChordTokenizer} rebuilt from its metadata, with the key handling both commands share. Models are
 * trained in C major / A minor ({@code rocklstm train} normalises keys), so numerals are realised in the reference
 * key of the requested mode and the results are transposed to the requested key.
 *
 * @param model the model; closed by {@link #close()}
 * @param tokenizer the tokenizer the model was trained with
 * @param source where the model came from, for messages
 */
record ChordModel(SequenceModel model, ChordTokenizer tokenizer, String source) implements AutoCloseable {

  /** The folder inside the jar holding the bundled default model. */
  static final String DEFAULT_MODEL_RESOURCE = "default-model/";

  /**
   * Loads {@code directory} (a model directory, or a {@code rocklstm train} output folder holding {@code model/}),
   * or the bundled default model when it is null.
   *
   * @throws IllegalArgumentException if the folder holds no model or the model is not a chord model
   */
  static ChordModel load(Path directory, String backendName, int threads) {
    // Read when the backend's natives load; a small model samples fastest on one thread.
    BackendChoice.pinThreads(threads);
    Backend backend = BackendChoice.resolve(backendName);
    if (directory == null) {
      Path temporary = extractDefaultModel();
      try {
        return of(backend.load(temporary, Device.cpu()), "the bundled default model");
      } finally {
        deleteRecursively(temporary);
      }
    }
    Path modelDirectory = directory;
    if (!ModelDirectory.isModelDirectory(modelDirectory)
        && ModelDirectory.isModelDirectory(directory.resolve("model"))) {
      modelDirectory = directory.resolve("model");
    }
    Preconditions.checkArgument(ModelDirectory.isModelDirectory(modelDirectory),
        "--model %s holds no %s (give a model directory or a `rocklstm train` output folder holding model/)",
        directory, ModelDirectory.MODEL_JSON);
    return of(backend.load(modelDirectory, Device.cpu()), modelDirectory.toString());
  }

  @SuppressWarnings("unchecked")
  private static ChordModel of(SequenceModel model, String source) {
    try {
      Map<String, Object> metadata = model.metadata();
      Object task = metadata.get("task");
      Preconditions.checkArgument("chords".equals(task) && metadata.get("tokenizer") instanceof Map,
          "%s is not a chord model (metadata task %s, expected \"chords\" with a tokenizer)", source, task);
      ChordTokenizer tokenizer = ChordTokenizerMetadata.fromJson((Map<String, Object>) metadata.get("tokenizer"));
      Preconditions.checkArgument(tokenizer.vocabulary().size() == model.spec().vocabularySize(),
          "%s: the tokenizer has %s tokens but the model %s", source, tokenizer.vocabulary().size(),
          model.spec().vocabularySize());
      return new ChordModel(model, tokenizer, source);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Copies the bundled model out of the jar into a new temporary folder. */
  private static Path extractDefaultModel() {
    try {
      Path temporary = Files.createTempDirectory("rocklstm-default-model");
      try {
        String json = new String(resource(ModelDirectory.MODEL_JSON), StandardCharsets.UTF_8);
        Files.writeString(temporary.resolve(ModelDirectory.MODEL_JSON), json);
        Map<String, Object> description = Json.parseObject(json);
        for (String part : List.of("weights", "optimizer")) {
          if (description.get(part) instanceof Map<?, ?> entry && entry.get("file") instanceof String file) {
            Files.write(temporary.resolve(file), resource(file));
          }
        }
        return temporary;
      } catch (IOException | RuntimeException e) {
        deleteRecursively(temporary);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the bundled default model: " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ChordModel.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE + name)) {
      if (in == null) {
        throw new IOException("the jar lacks the bundled model file " + DEFAULT_MODEL_RESOURCE + name
            + "; pass --model DIR");
      }
      return in.readAllBytes();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the OS cleans it up.
    }
  }

  /** The id of the bar token, or an error saying the model has none. */
  int barToken(String option) {
    Preconditions.checkArgument(tokenizer.settings().timeMode() == ChordTokenizer.TimeMode.PER_BAR,
        "%s needs a model trained with --time-mode per_bar, but %s uses %s", option, source,
        tokenizer.settings().timeMode().name().toLowerCase(Locale.ROOT));
    return tokenizer.vocabulary().idOf(ChordTokenizer.BAR);
  }

  /**
   * The tokens a generated bar may not hold: PAD, START, UNK, MASK, section and genre tokens, and N (no chord,
   * which the corpora use for silence before and after a song).
   */
  int[] nonChordTokens() {
    Vocabulary vocabulary = tokenizer.vocabulary();
    return java.util.stream.IntStream.range(0, vocabulary.size())
        .filter(id -> id == Vocabulary.PAD_ID || id == Vocabulary.START_ID || id == Vocabulary.UNK_ID
            || id == Vocabulary.MASK_ID || ChordTokenizer.isLabelToken(vocabulary.token(id))
            || vocabulary.token(id).equals("N"))
        .toArray();
  }

  /** C major for a major key, A minor for a minor one: the key the model works in. */
  static Key referenceKey(Key key) {
    return key.mode() == Mode.MINOR ? Key.A_MINOR : Key.C_MAJOR;
  }

  /** Parses a key option, with the option's name in the error. */
  static Key parseKey(String text) {
    try {
      return Key.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--key: " + e.getMessage(), e);
    }
  }

  /**
   * The token of each whitespace-separated chord of {@code text}, written in {@code key}, realised in the reference
   * key of {@code key}. Each chord is read as a roman numeral ({@link RomanNumeral#parse}, relative to the tonic of
   * {@code key}) if it parses as one, otherwise as a lead-sheet chord symbol ({@link ChordSymbols#parseLeadSheet}:
   * {@code E}, {@code C#m}, {@code Bb7}, {@code F/A}) sounding in {@code key} and transposed by
   * {@link Key#semitonesToNormal()}. The two syntaxes do not overlap (a numeral starts with I, V, i, v or an
   * accidental, a chord symbol with its root letter A-G), and a text both could read would be a numeral.
   *
   * {@code gap} (if not null) stands for a bar to fill and gives {@link Vocabulary#MASK_ID}.
   *
   * @throws IllegalArgumentException naming a chord that is neither, that is no pitched chord ({@code NC}), or that
   *     has no token in the vocabulary
   */
  int[] chordTokens(String text, Key key, String gap, String option) {
    Preconditions.checkArgument(!text.isBlank(), "%s is empty: give roman numerals such as \"I V vi IV\" or chord"
        + " symbols in --key such as \"E B C#m A\"", option);
    Key reference = referenceKey(key);
    String[] symbols = text.strip().split("\\s+");
    int[] tokens = new int[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      String symbol = symbols[i];
      if (symbol.equals(gap)) {
        tokens[i] = Vocabulary.MASK_ID;
        continue;
      }
      Chord chord;
      try {
        chord = RomanNumeral.parse(symbol).toChord(reference);
      } catch (IllegalArgumentException numeralError) {
        try {
          chord = ChordSymbols.parseLeadSheet(symbol).transpose(key.semitonesToNormal());
        } catch (IllegalArgumentException symbolError) {
          throw new IllegalArgumentException(option + ": '" + symbol + "' is neither a roman numeral (I, IV, V7, vi,"
              + " bVII, ii/V; degrees from the tonic of --key " + key + ") nor a chord symbol in --key (E, C#m, Bb7,"
              + " F/A" + (gap == null ? "" : ", or " + gap + " for a bar to fill") + "): as a numeral, "
              + numeralError.getMessage() + "; as a chord symbol, "
              + symbolError.getMessage(), symbolError);
        }
      }
      Preconditions.checkArgument(chord.isPitched(), "%s: '%s' is no chord; give pitched chords only", option,
          symbol);
      String token = tokenizer.chordToken(chord);
      Preconditions.checkArgument(!token.equals(Vocabulary.UNK), "%s: '%s' (%s in %s) is not in the model's "
          + "vocabulary", option, symbol, chord, reference);
      tokens[i] = tokenizer.vocabulary().idOf(token);
    }
    return tokens;
  }

  /** The progression of {@code tokens} (in the reference key of {@code key}) transposed to {@code key}. */
  ChordProgression progression(int[] tokens, io.github.rocklstm.music.Meter meter, Key key) {
    return tokenizer.decode(tokens, meter).transpose(-key.semitonesToNormal());
  }

  @Override
  public void close() {
    model.close();
  }
}
