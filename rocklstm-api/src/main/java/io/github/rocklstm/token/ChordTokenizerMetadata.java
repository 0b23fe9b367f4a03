package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.json.JsonException;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stores a {@link ChordTokenizer} (settings and vocabulary) as a JSON object, the form it takes inside a model
 * directory's {@code model.json} metadata, and reads it back, so that a saved model can encode primers and decode
 * what it generates exactly as it was trained.
 *
 * <pre>{@code
 * {"type": "chord", "level": "MAJMIN", "timeMode": "PER_BAR", "sectionTokens": false, "genreToken": false,
 *  "vocabulary": ["<pad>", "<s>", ...]}
 * }</pre>
 */
public final class ChordTokenizerMetadata {

  /** The value of {@code type} that marks a chord tokenizer. */
  public static final String TYPE = "chord";

  private ChordTokenizerMetadata() {}

  /** The tokenizer as a JSON object. */
  public static Map<String, Object> toJson(ChordTokenizer tokenizer) {
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    ChordTokenizer.Settings s = tokenizer.settings();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", TYPE);
    json.put("level", s.level().name());
    json.put("timeMode", s.timeMode().name());
    json.put("sectionTokens", s.sectionTokens());
    json.put("genreToken", s.genreToken());
    json.put("vocabulary", tokenizer.vocabulary().tokens());
    return json;
  }

  /**
   * The tokenizer stored by {@link #toJson}.
   *
   * @throws JsonException naming the field that is missing or malformed
   */
  public static ChordTokenizer fromJson(Map<String, Object> json) {
    Preconditions.checkNotNull(json, "json");
    String type = Json.get(json, "type", String.class);
    if (!type.equals(TYPE)) {
      throw new JsonException("tokenizer type is '" + type + "', expected '" + TYPE + "'");
    }
    VocabularyLevel level = enumValue(VocabularyLevel.class, Json.get(json, "level", String.class), "level");
    ChordTokenizer.TimeMode timeMode =
        enumValue(ChordTokenizer.TimeMode.class, Json.get(json, "timeMode", String.class), "timeMode");
    ChordTokenizer.Settings settings = new ChordTokenizer.Settings(level, timeMode,
        Json.get(json, "sectionTokens", Boolean.class), Json.get(json, "genreToken", Boolean.class));
    List<Object> tokens = Json.getList(json, "vocabulary");
    List<String> strings = tokens.stream().map(t -> {
      if (!(t instanceof String)) {
        throw new JsonException("vocabulary entries must be strings, found " + t);
      }
      return (String) t;
    }).collect(Collectors.toList());
    return new ChordTokenizer(settings, Vocabulary.of(strings));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new JsonException("field '" + field + "' = '" + value + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
