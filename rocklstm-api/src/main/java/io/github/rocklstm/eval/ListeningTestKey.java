package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.rocklstm.eval.ListeningAnswer.Side;
import io.github.rocklstm.eval.ListeningJudgement.Pick;
import io.github.rocklstm.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The answer key of a listening test: the test's id and, for every pair, which excerpt (A or B) is the real one. It
 * lives in a file of its own ({@code key.json}) that the test page never loads, so the page stays blind.
 *
 * <p>JSON: {@code {"format": "rocklstm-listening-test-key", "version": 1, "test": "lt-...", "pairs": [{"pair":
 * "p01", "real": "B", ...}, ...]}}; other members (song, chords, seed) are for people and are ignored here.
 *
 * @param test the test's id
 * @param realSide the real excerpt of each pair, by pair id, in the order of the file
 */
public record ListeningTestKey(String test, ImmutableMap<String, Side> realSide) {

  /** The value of the key file's {@code format} member. */
  public static final String FORMAT = "rocklstm-listening-test-key";
  /** The version of the key file's layout. */
  public static final int VERSION = 1;

  public ListeningTestKey {
    Preconditions.checkNotNull(test, "test");
    Preconditions.checkArgument(!test.isBlank(), "a test id must not be blank");
    Preconditions.checkNotNull(realSide, "realSide");
    Preconditions.checkArgument(!realSide.isEmpty(), "a listening test needs at least one pair");
  }

  /**
   * Reads a key file.
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException naming the file and what is wrong in it
   */
  public static ListeningTestKey read(Path file) throws IOException {
    Preconditions.checkNotNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      Map<String, Object> json = Json.parseObject(text);
      String format = Json.get(json, "format", String.class);
      Preconditions.checkArgument(format.equals(FORMAT), "format is '%s', expected '%s'", format, FORMAT);
      long version = Json.get(json, "version", Long.class);
      Preconditions.checkArgument(version == VERSION, "version %s is not supported (this build reads version %s)",
          version, VERSION);
      ImmutableMap.Builder<String, Side> sides = ImmutableMap.builder();
      for (Object entry : Json.getList(json, "pairs")) {
        Preconditions.checkArgument(entry instanceof Map, "every member of 'pairs' must be an object, found %s",
            entry);
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) entry;
        String id = Json.get(pair, "pair", String.class);
        String real = Json.get(pair, "real", String.class);
        Preconditions.checkArgument(real.equals("A") || real.equals("B"), "pair %s: real is '%s', expected A or B",
            id, real);
        sides.put(id, Side.valueOf(real));
      }
      return new ListeningTestKey(Json.get(json, "test", String.class), sides.buildOrThrow());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not a listening-test key: " + e.getMessage()
          + " (expected the key.json that `rocklstm listening-test` writes)", e);
    }
  }

  /** The key as the JSON object {@link #read} reads, with {@code details} merged into each pair (may be empty). */
  public Map<String, Object> toJson(Map<String, Map<String, Object>> details) {
    Preconditions.checkNotNull(details, "details");
    ImmutableList.Builder<Object> pairs = ImmutableList.builder();
    realSide.forEach((pair, side) -> {
      java.util.LinkedHashMap<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("pair", pair);
      entry.put("real", side.name());
      entry.putAll(details.getOrDefault(pair, Map.of()));
      pairs.add(entry);
    });
    java.util.LinkedHashMap<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("version", VERSION);
    json.put("test", test);
    json.put("pairs", pairs.build());
    return json;
  }

  /**
   * Applies the key to answers: each answer becomes a judgement of whether the real excerpt was picked, with the
   * ratings moved from A/B to real/generated.
   *
   * @throws IllegalArgumentException naming the answer's file and line when it belongs to another test or names a
   *     pair the key does not have
   */
  public ImmutableList<ListeningJudgement> judge(List<ListeningAnswer> answers) {
    Preconditions.checkNotNull(answers, "answers");
    ImmutableList.Builder<ListeningJudgement> judgements = ImmutableList.builder();
    for (ListeningAnswer answer : answers) {
      Preconditions.checkArgument(answer.test().equals(test), "%s: the answers are for test '%s', but the key is for "
          + "test '%s' (give the key.json written with this test's page)", answer.origin(), answer.test(), test);
      Side real = realSide.get(answer.pair());
      Preconditions.checkArgument(real != null, "%s: pair '%s' is not in the key (its pairs are %s)", answer.origin(),
          answer.pair(), realSide.keySet());
      Pick pick = answer.choice().map(c -> c == real ? Pick.REAL : Pick.GENERATED).orElse(Pick.NONE);
      OptionalInt realRating = real == Side.A ? answer.ratingA() : answer.ratingB();
      OptionalInt generatedRating = real == Side.A ? answer.ratingB() : answer.ratingA();
      judgements.add(new ListeningJudgement(answer.pair(), pick, realRating, generatedRating));
    }
    return judgements.build();
  }

  /** {@code lt-5f3a9c01 (20 pairs)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%d pairs)", test, realSide.size());
  }
}
