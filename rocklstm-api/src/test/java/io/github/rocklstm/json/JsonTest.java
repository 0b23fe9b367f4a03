package io.github.rocklstm.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesEveryKindOfValue() {
    Map<String, Object> o = Json.parseObject(
        "{\"s\": \"a\\\"b\\u00e9\\n\", \"i\": -12, \"d\": 1.5e2, \"t\": true, \"f\": false, \"n\": null,"
            + " \"a\": [1, [2], {}], \"big\": 12345678901234567890}");
    assertEquals("a\"b\u00e9\n", o.get("s"));
    assertEquals(-12L, o.get("i"));
    assertEquals(150.0, o.get("d"));
    assertEquals(Boolean.TRUE, o.get("t"));
    assertEquals(Boolean.FALSE, o.get("f"));
    assertNull(o.get("n"));
    assertEquals(List.of(1L, List.of(2L), Map.of()), o.get("a"));
    assertEquals(1.2345678901234567e19, (Double) o.get("big"), 1e4);
    assertEquals(List.of("s", "i", "d", "t", "f", "n", "a", "big"), List.copyOf(o.keySet()));
  }

  @Test
  void writeThenParseGivesTheSameTree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", "C:maj7/3 \t \"quoted\"");
    tree.put("count", 3L);
    tree.put("ratio", 0.25);
    tree.put("whole", 2.0);
    tree.put("ids", new int[] {1, 2, 3});
    tree.put("nested", Map.of("empty", List.of()));
    tree.put("nothing", null);
    Map<String, Object> expected = new LinkedHashMap<>(tree);
    expected.put("ids", List.of(1L, 2L, 3L));
    assertEquals(expected, Json.parseObject(Json.write(tree)));
    assertEquals(expected, Json.parseObject(Json.writePretty(tree)));
    assertTrue(Json.writePretty(tree).contains("\n  \"count\": 3,"), Json.writePretty(tree));
  }

  @Test
  void errorsSayLineColumnAndWhatWasExpected() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
    assertEquals("expected ':' at line 3, column 7", e.getMessage());
    assertThrows(JsonException.class, () -> Json.parse("[1, 2"));
    assertThrows(JsonException.class, () -> Json.parse("{\"a\": 1} x"));
    assertThrows(JsonException.class, () -> Json.parse("1.2.3"));
    assertThrows(JsonException.class, () -> Json.parse("\"\u0001\""));
    assertThrows(JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(JsonException.class, () -> Json.parse("[".repeat(10_000)));
    assertThrows(JsonException.class, () -> Json.write(Double.NaN));
  }

  @Test
  void typedAccessorsNameTheField() {
    Map<String, Object> o = Json.parseObject("{\"n\": 3, \"s\": \"x\"}");
    assertEquals(3, Json.get(o, "n", Integer.class));
    assertEquals(3.0, Json.get(o, "n", Double.class));
    JsonException missing = assertThrows(JsonException.class, () -> Json.get(o, "m", String.class));
    assertTrue(missing.getMessage().contains("missing field 'm'"), missing.getMessage());
    JsonException wrong = assertThrows(JsonException.class, () -> Json.get(o, "s", Long.class));
    assertEquals("field 's' should be Long but is the string \"x\"", wrong.getMessage());
  }
}
