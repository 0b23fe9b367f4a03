package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSB chorales benchmark files {@code jsb-chorales-quarter.json}, {@code jsb-chorales-8th.json} and
 * {@code jsb-chorales-16th.json}: a JSON object of splits, each a list of pieces, each a list of time steps,
 * each a list of MIDI pitches. Pitches written as whole floating-point numbers ({@code 60.0}, as in the 8th and
 * 16th files) are accepted; anything else that is not a whole number 0..127 is an error naming the file and
 * the place ({@code train[3][17][2]}). Stateless.
 */
public final class JsbChoralesReader {

  /** The corpus folder name under the data directory. */
  public static final String CORPUS = "jsb-chorales";

  private static final Pattern JSON_LINE = Pattern.compile("at line (\\d+), column \\d+$");

  /** The time step of a JSB file. */
  public enum Resolution {
    QUARTER("quarter"),
    EIGHTH("8th"),
    SIXTEENTH("16th");

    private final String suffix;

    Resolution(String suffix) {
      this.suffix = suffix;
    }

    /** The file name, e.g. {@code jsb-chorales-16th.json}. */
    public String fileName() {
      return "jsb-chorales-" + suffix + ".json";
    }
  }

  private JsbChoralesReader() {}

  /** Reads one resolution from the corpus folder found by {@link DataDirectory#resolve}. */
  public static JsbChorales read(Resolution resolution) throws IOException {
    return read(DataDirectory.resolve(CORPUS).resolve(resolution.fileName()));
  }

  /**
   * Reads one JSB JSON file.
   *
   * @throws CorpusFormatException naming the file, the line (for JSON syntax errors) or the place in the data,
   *     and what was expected
   * @throws IOException when the file cannot be read
   */
  public static JsbChorales read(Path file) throws IOException {
    Preconditions.checkNotNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Object root;
    try {
      root = Json.parse(text);
    } catch (JsonException e) {
      Matcher m = JSON_LINE.matcher(e.getMessage());
      int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
      throw new CorpusFormatException(new SourcePosition(file, line, ""), "not valid JSON: " + e.getMessage(), e);
    }
    if (!(root instanceof Map)) {
      throw fail(file, "the top level", "a JSON object of splits, e.g. {\"train\": [...], \"valid\": [...], ...}");
    }
    ImmutableMap.Builder<String, ImmutableList<ImmutableList<ImmutableIntArray>>> splits = ImmutableMap.builder();
    for (Map.Entry<?, ?> split : ((Map<?, ?>) root).entrySet()) {
      String name = (String) split.getKey();
      List<?> pieces = list(file, split.getValue(), name, "a list of pieces");
      ImmutableList.Builder<ImmutableList<ImmutableIntArray>> readPieces =
          ImmutableList.builderWithExpectedSize(pieces.size());
      for (int p = 0; p < pieces.size(); p++) {
        String pieceAt = name + "[" + p + "]";
        List<?> steps = list(file, pieces.get(p), pieceAt, "a list of time steps");
        ImmutableList.Builder<ImmutableIntArray> readSteps = ImmutableList.builderWithExpectedSize(steps.size());
        for (int s = 0; s < steps.size(); s++) {
          String stepAt = pieceAt + "[" + s + "]";
          List<?> pitches = list(file, steps.get(s), stepAt, "a list of MIDI pitches");
          ImmutableIntArray.Builder step = ImmutableIntArray.builder(pitches.size());
          for (int i = 0; i < pitches.size(); i++) {
            step.add(pitch(file, pitches.get(i), stepAt + "[" + i + "]"));
          }
          readSteps.add(step.build());
        }
        readPieces.add(readSteps.build());
      }
      splits.put(name, readPieces.build());
    }
    return new JsbChorales(splits.build());
  }

  private static List<?> list(Path file, Object value, String at, String expected) {
    if (!(value instanceof List)) {
      throw fail(file, at, expected + ", found " + describe(value));
    }
    return (List<?>) value;
  }

  private static int pitch(Path file, Object value, String at) {
    if (value instanceof Long) {
      long v = (Long) value;
      if (v >= 0 && v <= 127) {
        return (int) v;
      }
    } else if (value instanceof Double) {
      double v = (Double) value;
      if (v == Math.rint(v) && v >= 0 && v <= 127) {
        return (int) v;
      }
    }
    throw fail(file, at, "a MIDI pitch, a whole number 0..127, found " + describe(value));
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String) {
      return "the string \"" + value + "\"";
    }
    return String.valueOf(value);
  }

  private static CorpusFormatException fail(Path file, String at, String expected) {
    return new CorpusFormatException(new SourcePosition(file, 0, at), at + " should be " + expected);
  }
}
