package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.json.JsonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a {@link ChoraleTokenizer} (its vocabulary) as a JSON object inside a model directory's {@code model.json}
 * metadata, and reads it back, so that a saved chorale model decodes what it generates exactly as it was trained.
 *
 * <pre>{@code
 * {"type": "bachbot", "vocabulary": ["<pad>", "<start>", "<end>", "<unk>", "<mask>", "|||", "(.)", "rest", ...]}
 * }</pre>
 */
public final class ChoraleTokenizerMetadata {

  /** The value of {@code type} that marks a chorale tokenizer. */
  public static final String TYPE = "bachbot";

  private ChoraleTokenizerMetadata() {}

  /** The tokenizer as a JSON object. */
  public static Map<String, Object> toJson(ChoraleTokenizer tokenizer) {
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", TYPE);
    json.put("vocabulary", tokenizer.vocabulary().tokens());
    return json;
  }

  /**
   * The tokenizer stored by {@link #toJson}.
   *
   * @throws JsonException naming the field that is missing or malformed
   * @throws IllegalArgumentException naming a vocabulary entry that is not a chorale token
   */
  public static ChoraleTokenizer fromJson(Map<String, Object> json) {
    Preconditions.checkNotNull(json, "json");
    String type = Json.get(json, "type", String.class);
    if (!type.equals(TYPE)) {
      throw new JsonException("tokenizer type is '" + type + "', expected '" + TYPE + "'");
    }
    List<String> strings = new ArrayList<>();
    for (Object t : Json.getList(json, "vocabulary")) {
      if (!(t instanceof String s)) {
        throw new JsonException("vocabulary entries must be strings, found " + t);
      }
      strings.add(s);
    }
    return new ChoraleTokenizer(Vocabulary.of(strings));
  }
}
