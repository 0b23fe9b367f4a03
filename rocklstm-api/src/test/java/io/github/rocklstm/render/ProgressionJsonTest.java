package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.json.JsonException;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressionJsonTest {

  @TempDir Path temp;

  private static ChordEvent event(String leadSheet, double beats) {
    return new ChordEvent(ChordSymbols.parseLeadSheet(leadSheet), beats);
  }

  @Test
  void writesEveryFieldHandComputed() {
    ChordProgression p = new ChordProgression(ImmutableList.of(event("F", 4), event("Bb/D", 2), event("NC", 1.5)),
        Meter.COMMON_TIME, ImmutableList.of(new Section("verse", 0), new Section("bridge", 2)));
    String expected = "{\"format\":\"rocklstm.progression\",\"version\":1,\"key\":\"F\",\"meter\":\"4/4\","
        + "\"totalBeats\":7.5,\"metadata\":{\"seed\":7},"
        + "\"sections\":[{\"label\":\"verse\",\"startEvent\":0,\"bar\":1,\"beat\":1.0},"
        + "{\"label\":\"bridge\",\"startEvent\":2,\"bar\":2,\"beat\":3.0}],"
        + "\"events\":["
        + "{\"harte\":\"F:maj\",\"leadSheet\":\"F\",\"roman\":\"I\",\"beats\":4.0,\"bar\":1,\"beat\":1.0},"
        + "{\"harte\":\"Bb:maj/3\",\"leadSheet\":\"Bb/D\",\"roman\":\"IV6\",\"beats\":2.0,\"bar\":2,\"beat\":1.0},"
        + "{\"harte\":\"N\",\"leadSheet\":\"N.C.\",\"roman\":\"N.C.\",\"beats\":1.5,\"bar\":2,\"beat\":3.0}]}";
    assertEquals(expected, Json.write(ProgressionJson.toJsonObject(p, Key.major(PitchClass.F), Map.of("seed", 7))));
    assertEquals(Json.parse(expected), Json.parse(ProgressionJson.write(p, Key.major(PitchClass.F),
        Map.of("seed", 7))));
  }

  @Test
  void barAndBeatInCompoundAndFractionalTime() {
    ChordProgression p = ChordProgression.of(List.of(event("Em", 4.0 / 3), event("C", 4.0 / 3), event("D", 4.0 / 3),
        event("G", 2)), new Meter(6, 8));
    List<Object> events = Json.getList(Json.parseObject(ProgressionJson.write(p, Key.minor(PitchClass.E))), "events");
    // Two beats a bar: onsets 0, 4/3, 8/3, 4 are bar 1 beat 1, bar 1 beat 2.333333, bar 2 beat 1.666667, bar 3 beat 1.
    double[][] expected = {{1, 1.0}, {1, 2.333333}, {2, 1.666667}, {3, 1.0}};
    for (int i = 0; i < expected.length; i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) events.get(i);
      assertEquals((long) expected[i][0], e.get("bar"), "event " + i);
      assertEquals(expected[i][1], (Double) e.get("beat"), 0.0, "event " + i);
    }
  }

  @Test
  void roundTripsProgressionKeyAndMetadata() {
    ChordProgression p = new ChordProgression(ImmutableList.of(event("F#m7b5", 1.5), event("B7#9", 2.5),
        event("Em", 4.0 / 3), new ChordEvent(Chord.UNKNOWN, 4.0 / 3), event("NC", 4.0 / 3), event("Asus4/E", 3),
        event("C5", 1), new ChordEvent(ChordSymbols.parseHarte("D:min7(*b3,11)"), 4)),
        Meter.THREE_FOUR, ImmutableList.of(new Section("intro", 0), new Section("chorus 2", 5)));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("model", "lstm-2x512");
    metadata.put("temperature", 0.9);
    metadata.put("seed", 42L);
    metadata.put("greedy", false);
    metadata.put("primer", List.of("E:min", "C:maj"));
    metadata.put("nested", Map.of("n", 1L));
    metadata.put("none", null);
    for (Key key : List.of(Key.minor(PitchClass.E), Key.major(PitchClass.A_SHARP), Key.minor(PitchClass.D_SHARP))) {
      ProgressionJson.Document back = ProgressionJson.parse(ProgressionJson.write(p, key, metadata));
      assertEquals(p, back.progression(), key.toString());
      assertEquals(key, back.key());
      assertEquals(metadata, back.metadata());
    }
  }

  @Test
  void writesAndReadsFiles() throws IOException {
    ChordProgression p = ChordProgression.of(List.of(event("A", 4), event("E/G#", 4)));
    Path file = temp.resolve("out/progression.json");
    ProgressionJson.write(p, Key.major(PitchClass.A), Map.of(), file);
    String text = Files.readString(file);
    assertTrue(text.startsWith("{\n  \"format\": \"rocklstm.progression\",\n") && text.endsWith("}\n"), text);
    ProgressionJson.Document back = ProgressionJson.read(file);
    assertEquals(p, back.progression());
    assertEquals(Key.major(PitchClass.A), back.key());
    assertEquals(Map.of(), back.metadata());
  }

  @Test
  void clearErrors() throws IOException {
    String good = ProgressionJson.write(ChordProgression.of(List.of(event("C", 4), event("G", 4))), Key.C_MAJOR);
    assertMessage(good.replace("rocklstm.progression", "other"), "\"format\" is \"other\"");
    assertMessage(good.replace("\"version\": 1", "\"version\": 2"), "version 2 is not supported");
    assertMessage(good.replace("\"G:maj\"", "\"G:major\""), "event 1", "G:major");
    assertMessage(good.replace("\"beats\": 4.0,\n      \"bar\": 2", "\"beats\": -4.0,\n      \"bar\": 2"),
        "event 1", "-4.0");
    assertMessage(good.replace("\"key\": \"C\"", "\"key\": \"H\""), "key", "'H'");
    assertMessage(good.replace("\"meter\": \"4/4\"", "\"meter\": \"4/3\""), "meter", "power of two");
    assertMessage(good.replace("\"sections\": []", "\"sections\": [{\"label\": \"a\", \"startEvent\": 5}]"),
        "section 'a' starts at event 5 but the progression has 2 events");
    assertMessage(good.replace("\"harte\": \"C:maj\",", ""), "event 0", "missing field 'harte'");
    assertMessage(good.substring(0, good.length() - 2), "line");
    Path file = temp.resolve("broken.json");
    Files.writeString(file, good.replace("\"G:maj\"", "\"Q\""));
    JsonException e = assertThrows(JsonException.class, () -> ProgressionJson.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("event 1"), e.getMessage());
  }

  private static void assertMessage(String json, String... parts) {
    JsonException e = assertThrows(JsonException.class, () -> ProgressionJson.parse(json));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }
}
