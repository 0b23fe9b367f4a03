package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.json.JsonException;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ChordProgression} in a key as JSON, for other tools and for people, and back.
 *
 * <pre>
 * {
 *   "format": "rocklstm.progression",
 *   "version": 1,
 *   "key": "F",
 *   "meter": "4/4",
 *   "totalBeats": 8.0,
 *   "metadata": {"model": "lstm-2x512", "temperature": 0.9},
 *   "sections": [{"label": "verse", "startEvent": 0, "bar": 1, "beat": 1.0}],
 *   "events": [
 *     {"harte": "F:maj", "leadSheet": "F", "roman": "I", "beats": 4.0, "bar": 1, "beat": 1.0},
 *     {"harte": "A#:maj/3", "leadSheet": "Bb/D", "roman": "IV6", "beats": 4.0, "bar": 2, "beat": 1.0}
 *   ]
 * }
 * </pre>
 *
 * <p>{@code key} is written as {@link Key#toString()} ({@code F}, {@code Bb}, {@code F#m}) and {@code meter} as
 * {@link Meter#toString()}. Each event has its chord as a Harte label ({@code N} for no chord, {@code X} for
 * unknown), as a lead-sheet symbol spelled for the key ({@code N.C.} for no chord) and as an RS200 roman numeral,
 * its length in beats of the metre, and where it starts: the bar (from 1) and the beat in that bar (from 1.0;
 * 2.5 is halfway through beat 2), rounded to 6 decimals. Sections give their label, the index of their first event,
 * and where that event starts. {@code metadata} holds whatever the caller passes (strings, numbers, booleans,
 * lists, maps; see {@link Json}).
 *
 * <p>Reading uses the format, version, key, meter, metadata, each event's {@code harte} and {@code beats}, and each
 * section's {@code label} and {@code startEvent}; the other fields are derived and ignored, so edit the Harte label
 * to change a chord. Numbers come back as {@link Json} reads them: integers as {@link Long}, others as
 * {@link Double}. {@code parse(write(p, k, m))} gives back {@code p}, {@code k} and {@code m}.
 */
public final class ProgressionJson {

  /** The value of the {@code format} field. */
  public static final String FORMAT = "rocklstm.progression";
  /** The version this class writes and reads. */
  public static final int VERSION = 1;

  private static final double EPSILON = 1e-9;

  private ProgressionJson() {}

  /**
   * A progression read back, with its key and metadata.
   *
   * @param progression the chords, metre and sections
   * @param key the key
   * @param metadata the metadata, unmodifiable (empty when there was none)
   */
  public record Document(ChordProgression progression, Key key, Map<String, Object> metadata) {
    public Document {
      Preconditions.checkNotNull(progression, "progression");
      Preconditions.checkNotNull(key, "key");
      Preconditions.checkNotNull(metadata, "metadata");
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
  }

  /** The JSON object of {@code progression} in {@code key} without metadata (see the class comment). */
  public static Map<String, Object> toJsonObject(ChordProgression progression, Key key) {
    return toJsonObject(progression, key, Map.of());
  }

  /** The JSON object of {@code progression} in {@code key} with {@code metadata}, fields in the documented order. */
  public static Map<String, Object> toJsonObject(ChordProgression progression, Key key, Map<String, ?> metadata) {
    Preconditions.checkNotNull(progression, "progression");
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(metadata, "metadata");
    ImmutableList<ChordEvent> events = progression.events();
    double[] onsets = new double[events.size()];
    double position = 0;
    for (int i = 0; i < events.size(); i++) {
      onsets[i] = position;
      position += events.get(i).beats();
    }
    int beatsPerBar = progression.meter().beatsPerBar();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("key", key.toString());
    root.put("meter", progression.meter().toString());
    root.put("totalBeats", position);
    root.put("metadata", new LinkedHashMap<>(metadata));
    List<Object> sections = new ArrayList<>();
    for (Section section : progression.sections()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("label", section.label());
      s.put("startEvent", section.startEvent());
      putPosition(s, onsets[section.startEvent()], beatsPerBar);
      sections.add(s);
    }
    root.put("sections", sections);
    List<Object> eventList = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      ChordEvent event = events.get(i);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("harte", ChordSymbols.formatHarte(event.chord()));
      e.put("leadSheet", ChordText.leadSheet(event.chord(), key));
      e.put("roman", ChordText.romanNumeral(event.chord(), key));
      e.put("beats", event.beats());
      putPosition(e, onsets[i], beatsPerBar);
      eventList.add(e);
    }
    root.put("events", eventList);
    return root;
  }

  private static void putPosition(Map<String, Object> object, double onset, int beatsPerBar) {
    long bar = (long) Math.floor(onset / beatsPerBar + EPSILON);
    double beat = onset - bar * (double) beatsPerBar + 1;
    object.put("bar", bar + 1);
    object.put("beat", Math.round(beat * 1e6) / 1e6);
  }

  /** The JSON text of {@code progression} in {@code key}, indented, without metadata. */
  public static String write(ChordProgression progression, Key key) {
    return write(progression, key, Map.of());
  }

  /**
   * The JSON text of {@code progression} in {@code key} with {@code metadata}, indented by two spaces.
   *
   * @throws JsonException when a metadata value cannot be written as JSON
   */
  public static String write(ChordProgression progression, Key key, Map<String, ?> metadata) {
    return Json.writePretty(toJsonObject(progression, key, metadata));
  }

  /** Writes the JSON text, with a final newline, to {@code file} as UTF-8, atomically. */
  public static void write(ChordProgression progression, Key key, Map<String, ?> metadata, Path file)
      throws IOException {
    AtomicFiles.writeString(file, write(progression, key, metadata) + "\n");
  }

  /**
   * Reads a progression written by {@link #write}.
   *
   * @throws JsonException naming the line and column of a syntax error, or the field (and event or section index)
   *     that is missing or invalid and what would be valid
   */
  public static Document parse(String json) {
    Map<String, Object> root = Json.parseObject(json);
    String format = Json.get(root, "format", String.class);
    if (!format.equals(FORMAT)) {
      throw new JsonException("not a rocklstm progression: \"format\" is \"" + format + "\", expected \"" + FORMAT
          + "\"");
    }
    int version = Json.get(root, "version", Integer.class);
    if (version != VERSION) {
      throw new JsonException("progression format version " + version + " is not supported; this reader reads "
          + "version " + VERSION);
    }
    Key key = field("key", () -> Key.parse(Json.get(root, "key", String.class)));
    Meter meter = field("meter", () -> Meter.parse(Json.get(root, "meter", String.class)));
    Map<String, Object> metadata = root.containsKey("metadata") ? Json.getObject(root, "metadata") : Map.of();
    List<Object> eventList = Json.getList(root, "events");
    ImmutableList.Builder<ChordEvent> events = ImmutableList.builder();
    for (int i = 0; i < eventList.size(); i++) {
      Map<String, Object> e = object(eventList.get(i), "event " + i);
      events.add(field("event " + i, () -> new ChordEvent(ChordSymbols.parseHarte(Json.get(e, "harte", String.class)),
          Json.get(e, "beats", Double.class))));
    }
    List<Object> sectionList = root.containsKey("sections") ? Json.getList(root, "sections") : List.of();
    ImmutableList.Builder<Section> sections = ImmutableList.builder();
    for (int i = 0; i < sectionList.size(); i++) {
      Map<String, Object> s = object(sectionList.get(i), "section " + i);
      sections.add(field("section " + i,
          () -> new Section(Json.get(s, "label", String.class), Json.get(s, "startEvent", Integer.class))));
    }
    ChordProgression progression = field("sections",
        () -> new ChordProgression(events.build(), meter, sections.build()));
    return new Document(progression, key, metadata);
  }

  /** Reads a progression file written by {@link #write(ChordProgression, Key, Map, Path)}. */
  public static Document read(Path file) throws IOException {
    Preconditions.checkNotNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new JsonException(file + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new JsonException(what + " should be a JSON object, found " + (value == null ? "null" : value));
    }
    return (Map<String, Object>) value;
  }

  private static <T> T field(String what, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new JsonException(what + ": " + e.getMessage());
    }
  }
}
