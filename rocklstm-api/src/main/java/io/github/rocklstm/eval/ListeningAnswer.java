package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One row of a listening test's answer file, as the test page exports it: which excerpt of a pair (A or B) the
 * listener took for the real one and the 1-5 rating of each, still blind (the answer key is applied by {@link
 * ListeningTestKey#judge}).
 *
 * <h2>CSV format</h2>
 * UTF-8, comma-separated, a header line naming the columns, then one line per pair:
 * <pre>
 * test,pair,choice,rating_a,rating_b,heard_a,heard_b
 * lt-5f3a9c01,p01,A,4,2,1,1
 * lt-5f3a9c01,p02,,3,,1,0
 * </pre>
 * Required columns, in any order: {@code test} (the test's id, as in its key), {@code pair}, {@code choice}
 * ({@code A}, {@code B}, or empty for no answer) and {@code rating_a}, {@code rating_b} (1..5, or empty). Other
 * columns ({@code heard_a}, {@code heard_b}: whether the excerpt was played) are ignored. Fields may be wrapped in
 * double quotes; blank lines are skipped; a UTF-8 byte-order mark is allowed.
 *
 * @param test the test's id
 * @param pair the pair's id
 * @param choice the excerpt the listener took for the real one, if any
 * @param ratingA the rating of excerpt A, if any
 * @param ratingB the rating of excerpt B, if any
 * @param origin where the row came from ({@code answers.csv:3}), for messages
 */
public record ListeningAnswer(String test, String pair, Optional<Side> choice, OptionalInt ratingA,
    OptionalInt ratingB, String origin) {

  /** The columns an answer file must have. */
  public static final ImmutableList<String> REQUIRED_COLUMNS =
      ImmutableList.of("test", "pair", "choice", "rating_a", "rating_b");

  /** The two excerpts of a pair, in the order the page plays them. */
  public enum Side {
    /** The first excerpt. */
    A,
    /** The second excerpt. */
    B
  }

  public ListeningAnswer {
    Preconditions.checkNotNull(test, "test");
    Preconditions.checkNotNull(pair, "pair");
    Preconditions.checkNotNull(choice, "choice");
    Preconditions.checkNotNull(ratingA, "ratingA");
    Preconditions.checkNotNull(ratingB, "ratingB");
    Preconditions.checkNotNull(origin, "origin");
  }

  /**
   * Reads an answer file (format in the class comment).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file, the line, the offending value and what would be valid
   */
  public static ImmutableList<ListeningAnswer> readCsv(Path file) throws IOException {
    Preconditions.checkNotNull(file, "file");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Integer> column = null;
    int columns = 0;
    ImmutableList.Builder<ListeningAnswer> answers = ImmutableList.builder();
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      List<String> fields = split(line, where);
      if (column == null) {
        column = new HashMap<>();
        for (int c = 0; c < fields.size(); c++) {
          column.put(fields.get(c).strip().toLowerCase(Locale.ROOT), c);
        }
        for (String required : REQUIRED_COLUMNS) {
          if (!column.containsKey(required)) {
            throw new IllegalArgumentException(where + ": the header '" + line + "' lacks the column '" + required
                + "' (an answer file starts with a header naming at least " + String.join(",", REQUIRED_COLUMNS)
                + ", as the listening-test page's \"Download answers (CSV)\" writes it)");
          }
        }
        columns = fields.size();
        continue;
      }
      if (fields.size() != columns) {
        throw new IllegalArgumentException(where + ": '" + line + "' has " + fields.size() + " fields, but the header"
            + " has " + columns);
      }
      String test = fields.get(column.get("test")).strip();
      String pair = fields.get(column.get("pair")).strip();
      if (test.isEmpty() || pair.isEmpty()) {
        throw new IllegalArgumentException(where + ": '" + line + "' has an empty " + (test.isEmpty() ? "test" : "pair")
            + " field (expected the test id and a pair id such as p01)");
      }
      if (!pairs.add(pair)) {
        throw new IllegalArgumentException(where + ": pair '" + pair + "' is answered twice in one file (one line "
            + "per pair; put each listener's answers in a file of their own)");
      }
      answers.add(new ListeningAnswer(test, pair, parseChoice(fields.get(column.get("choice")), where),
          parseRating(fields.get(column.get("rating_a")), "rating_a", where),
          parseRating(fields.get(column.get("rating_b")), "rating_b", where), where));
    }
    if (column == null) {
      throw new IllegalArgumentException(file + ": the file is empty (expected a header line "
          + String.join(",", REQUIRED_COLUMNS) + " and one line per pair)");
    }
    return answers.build();
  }

  private static Optional<Side> parseChoice(String field, String where) {
    String text = field.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "A" -> Optional.of(Side.A);
      case "B" -> Optional.of(Side.B);
      default -> throw new IllegalArgumentException(where + ": choice '" + text + "' is not valid (expected A, B, "
          + "or empty for no answer)");
    };
  }

  private static OptionalInt parseRating(String field, String name, String where) {
    String text = field.strip();
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    int rating;
    try {
      rating = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      rating = -1;
    }
    if (rating < ListeningJudgement.MIN_RATING || rating > ListeningJudgement.MAX_RATING) {
      throw new IllegalArgumentException(where + ": " + name + " '" + text + "' is not valid (expected a whole "
          + "number " + ListeningJudgement.MIN_RATING + " to " + ListeningJudgement.MAX_RATING + ", or empty for no "
          + "rating)");
    }
    return OptionalInt.of(rating);
  }

  /** Splits a CSV line at commas outside double quotes; {@code ""} inside quotes is one quote. */
  private static List<String> split(String line, String where) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(where + ": '" + line + "' has a double quote that is never closed");
    }
    fields.add(field.toString());
    return fields;
  }
}
