package io.github.rocklstm.corpus;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Voice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one partwise MusicXML score with StAX into a {@link Chorale}. One instance per score; not thread-safe.
 * See {@link MusicXmlChoraleReader} for what is read and how.
 */
final class MusicXmlScoreParser {

  /** What a parse produced: a chorale, or the part count of a score that is not four-part. */
  record Outcome(Chorale chorale, int partCount, MusicXmlChoraleReader.Counts counts) {}

  private final Path file;
  private final String entry;
  private final boolean lenient;
  private final List<ReadProblem> problems;
  private final List<ReadProblem> warnings;
  private XMLStreamReader r;

  private int noteElements;
  private int rests;
  private int graceNotes;
  private int chordNotes;
  private int otherVoiceNotes;
  private int cueNotes;

  private String movementTitle;
  private String workTitle;
  private int scorePartCount = -1;
  private final List<PartData> parts = new ArrayList<>();

  /**
   * @param problems receives what a lenient read skipped (measures, chord notes, notes of other voices)
   * @param warnings receives what was read but adjusted or ignored (ties repaired, meter or key changes)
   */
  MusicXmlScoreParser(Path file, String entry, boolean lenient, List<ReadProblem> problems,
      List<ReadProblem> warnings) {
    this.file = file;
    this.entry = entry;
    this.lenient = lenient;
    this.problems = problems;
    this.warnings = warnings;
  }

  /**
   * Parses the score. Returns early, without reading the parts, when the part list does not have four parts.
   *
   * @throws XMLStreamException when the XML is malformed
   * @throws CorpusFormatException when the score is not a usable chorale (strict) or cannot be read at all
   */
  Outcome parse(XMLStreamReader reader, String id) throws XMLStreamException {
    this.r = reader;
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: XML declaration, DOCTYPE (not processed), comments
    }
    if (!r.isStartElement()) {
      throw error(0, "", "no root element (expected <score-partwise>)");
    }
    String root = r.getLocalName();
    if (root.equals("score-timewise")) {
      throw error(line(), "<score-timewise>", "timewise MusicXML is not supported (expected <score-partwise>;"
          + " convert the score with the timewise-to-partwise XSLT from the MusicXML distribution)");
    }
    if (!root.equals("score-partwise")) {
      throw error(line(), "<" + root + ">", "not a MusicXML score: the root element is <" + root
          + ">, expected <score-partwise>");
    }
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "work":
          while (nextChild()) {
            if (r.getLocalName().equals("work-title")) {
              workTitle = text();
            } else {
              skip();
            }
          }
          break;
        case "movement-title":
          movementTitle = text();
          break;
        case "part-list":
          scorePartCount = 0;
          while (nextChild()) {
            if (r.getLocalName().equals("score-part")) {
              scorePartCount++;
            }
            skip();
          }
          if (scorePartCount != 4) {
            return new Outcome(null, scorePartCount, null);
          }
          break;
        case "part":
          if (parts.size() < 4) {
            parts.add(parsePart(parts.size()));
          } else {
            parts.add(null);
            skip();
          }
          break;
        default:
          skip();
      }
    }
    if (parts.size() != 4) {
      return new Outcome(null, parts.size(), null);
    }
    Chorale chorale = assemble(id);
    return new Outcome(chorale, 4, new MusicXmlChoraleReader.Counts(1, noteElements, chorale.noteCount(), rests,
        graceNotes,
        chordNotes, otherVoiceNotes, cueNotes));
  }

  // ---------------------------------------------------------------- parts and measures

  /** One part as read: its measures, with notes at ticks relative to each measure's start. */
  private static final class PartData {
    final int index;
    final List<MeasureData> measures = new ArrayList<>();
    Key firstKey;
    int firstKeyLine;
    Meter firstTime;
    int divisions;
    String mainVoice;

    PartData(int index) {
      this.index = index;
    }
  }

  private static final class MeasureData {
    final String number;
    final int line;
    int length;
    final List<PendingNote> notes = new ArrayList<>();

    MeasureData(String number, int line) {
      this.number = number;
      this.line = line;
    }
  }

  /** A note being assembled; {@code start} is relative to the measure until the measures are laid out. */
  private static final class PendingNote {
    final int pitch;
    int start;
    final int duration;
    boolean tieStart;
    boolean tieStop;
    final boolean fermata;
    final int line;

    PendingNote(int pitch, int start, int duration, boolean tieStart, boolean tieStop, boolean fermata, int line) {
      this.pitch = pitch;
      this.start = start;
      this.duration = duration;
      this.tieStart = tieStart;
      this.tieStop = tieStop;
      this.fermata = fermata;
      this.line = line;
    }

    int end() {
      return start + duration;
    }

    String describe() {
      return Note.of(pitch, start, duration).pitchName() + " at tick " + start;
    }
  }

  private PartData parsePart(int index) throws XMLStreamException {
    PartData part = new PartData(index);
    while (nextChild()) {
      if (!r.getLocalName().equals("measure")) {
        skip();
        continue;
      }
      String number = r.getAttributeValue(null, "number");
      MeasureData measure = new MeasureData(number == null ? String.valueOf(part.measures.size() + 1) : number, line());
      part.measures.add(measure);
      try {
        parseMeasure(part, measure);
      } catch (CorpusFormatException e) {
        if (!lenient) {
          throw e;
        }
        problems.add(new ReadProblem(e.position(), e.problem() + "; measure skipped in this part"));
        measure.notes.clear();
        measure.length = 0;
        skipToEndOf("measure");
      }
    }
    return part;
  }

  private void parseMeasure(PartData part, MeasureData measure) throws XMLStreamException {
    int cursor = 0;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "attributes":
          parseAttributes(part, measure);
          break;
        case "note":
          cursor = parseNote(part, measure, cursor);
          break;
        case "backup": {
          int line = line();
          int ticks = ticks(part, measure, durationChild("backup"), line);
          if (ticks > cursor) {
            throw measureError(part, measure, line, "<backup>", "<backup> of " + ticks + " ticks goes back before"
                + " the start of the measure (the cursor is at " + cursor + ")");
          }
          cursor -= ticks;
          break;
        }
        case "forward": {
          int line = line();
          cursor += ticks(part, measure, durationChild("forward"), line);
          measure.length = Math.max(measure.length, cursor);
          break;
        }
        default:
          // barline (repeats are not unrolled), direction, print, sound, harmony, figured-bass ...
          skip();
      }
    }
  }

  private String durationChild(String element) throws XMLStreamException {
    String duration = null;
    while (nextChild()) {
      if (r.getLocalName().equals("duration")) {
        duration = text();
      } else {
        skip();
      }
    }
    return duration == null ? "<" + element + "> without <duration>" : duration;
  }

  private void parseAttributes(PartData part, MeasureData measure) throws XMLStreamException {
    while (nextChild()) {
      int line = line();
      switch (r.getLocalName()) {
        case "divisions": {
          String text = text();
          int divisions = parsePositive(text);
          if (divisions <= 0) {
            throw measureError(part, measure, line, "<divisions>" + text + "</divisions>",
                "<divisions> must be a positive whole number of divisions per quarter note");
          }
          part.divisions = divisions;
          break;
        }
        case "key":
          keyElement(part, measure, line);
          break;
        case "time":
          timeElement(part, measure, line);
          break;
        default:
          skip();
      }
    }
  }

  private void keyElement(PartData part, MeasureData measure, int line) throws XMLStreamException {
    String fifthsText = null;
    String mode = null;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "fifths":
          fifthsText = text();
          break;
        case "mode":
          mode = text();
          break;
        default:
          skip();
      }
    }
    if (fifthsText == null) {
      // A non-traditional key (key-step/key-alter); chorales do not use them.
      warn(line, "<key>", partName(part) + " measure " + measure.number
          + ": a key without <fifths> (non-traditional key signature) is ignored");
      return;
    }
    int fifths;
    try {
      fifths = Integer.parseInt(fifthsText.strip());
    } catch (NumberFormatException e) {
      fifths = Integer.MIN_VALUE;
    }
    if (fifths < -7 || fifths > 7) {
      throw measureError(part, measure, line, "<fifths>" + fifthsText + "</fifths>",
          "<fifths> must be a whole number from -7 (seven flats) to 7 (seven sharps)");
    }
    PitchClass majorTonic = PitchClass.of(7 * fifths);
    Key key;
    String m = mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT);
    switch (m) {
      case "":
      case "major":
      case "ionian":
        key = Key.major(majorTonic);
        break;
      case "minor":
      case "aeolian":
        key = Key.minor(majorTonic.transpose(-3));
        break;
      default:
        key = Key.major(majorTonic);
        if (part.index == 0) {
          warn(line, "<mode>" + mode + "</mode>", "mode '" + mode + "' is neither major nor minor; read as "
              + key + " major (the major key of the signature)");
        }
    }
    if (part.firstKey == null) {
      part.firstKey = key;
      part.firstKeyLine = line;
    } else if (!key.equals(part.firstKey) && part.index == 0) {
      warn(line, "<key>", "the key changes to " + key + " in measure " + measure.number
          + "; the chorale keeps its opening key " + part.firstKey);
    }
  }

  private void timeElement(PartData part, MeasureData measure, int line) throws XMLStreamException {
    String beats = null;
    String beatType = null;
    boolean senzaMisura = false;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "beats":
          if (beats == null) {
            beats = text();
          } else {
            skip();
          }
          break;
        case "beat-type":
          if (beatType == null) {
            beatType = text();
          } else {
            skip();
          }
          break;
        case "senza-misura":
          senzaMisura = true;
          skip();
          break;
        default:
          skip();
      }
    }
    if (senzaMisura || beats == null || beatType == null) {
      if (part.index == 0) {
        warn(line, "<time>", "a time signature without beats and beat-type (senza misura) is ignored");
      }
      return;
    }
    Meter time;
    try {
      time = new Meter(Integer.parseInt(beats.strip()), Integer.parseInt(beatType.strip()));
    } catch (IllegalArgumentException e) {
      throw measureError(part, measure, line, "<beats>" + beats + "</beats><beat-type>" + beatType + "</beat-type>",
          "not a time signature this reader can use (" + e.getMessage()
              + "; composite meters such as 3+2 are not supported)");
    }
    if (part.firstTime == null) {
      part.firstTime = time;
    } else if (!time.equals(part.firstTime) && part.index == 0) {
      warn(line, "<time>", "the time signature changes to " + time + " in measure " + measure.number
          + "; the chorale keeps its opening " + part.firstTime + ", bar lines are kept as written");
    }
  }

  /** Reads one {@code <note>} and returns the new cursor. */
  private int parseNote(PartData part, MeasureData measure, int cursor) throws XMLStreamException {
    int line = line();
    noteElements++;
    boolean grace = false;
    boolean cue = false;
    boolean chord = false;
    boolean rest = false;
    boolean unpitched = false;
    boolean fermata = false;
    boolean tieStart = false;
    boolean tieStop = false;
    boolean tiedStart = false;
    boolean tiedStop = false;
    boolean hasTie = false;
    String step = null;
    String alter = null;
    String octave = null;
    String duration = null;
    String voice = null;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "grace":
          grace = true;
          skip();
          break;
        case "cue":
          cue = true;
          skip();
          break;
        case "chord":
          chord = true;
          skip();
          break;
        case "rest":
          rest = true;
          skip();
          break;
        case "unpitched":
          unpitched = true;
          skip();
          break;
        case "pitch":
          while (nextChild()) {
            switch (r.getLocalName()) {
              case "step": step = text(); break;
              case "alter": alter = text(); break;
              case "octave": octave = text(); break;
              default: skip();
            }
          }
          break;
        case "duration":
          duration = text();
          break;
        case "voice":
          voice = text();
          break;
        case "tie": {
          hasTie = true;
          String type = r.getAttributeValue(null, "type");
          tieStart |= "start".equals(type);
          tieStop |= "stop".equals(type);
          skip();
          break;
        }
        case "notations":
          while (nextChild()) {
            switch (r.getLocalName()) {
              case "fermata":
                fermata = true;
                skip();
                break;
              case "tied": {
                String type = r.getAttributeValue(null, "type");
                tiedStart |= "start".equals(type) || "continue".equals(type);
                tiedStop |= "stop".equals(type) || "continue".equals(type);
                skip();
                break;
              }
              default:
                skip();
            }
          }
          break;
        default:
          skip();
      }
    }
    if (!hasTie) {
      // <tie> is the sounding tie; fall back on the notated <tied> when a file has only that.
      tieStart = tiedStart;
      tieStop = tiedStop;
    }
    if (grace) {
      graceNotes++;
      return cursor;
    }
    String v = voice == null ? "1" : voice.strip();
    if (chord) {
      chordNotes++;
      String problem = "a chord (<chord/>) in one part, but a chorale voice must be monophonic";
      if (!lenient) {
        throw measureError(part, measure, line, "<chord/>", problem);
      }
      problems.add(new ReadProblem(position(line, "<chord/>"), where() + partName(part) + " part, measure "
          + measure.number + ": " + problem + "; kept the first note of the chord, dropped this one"));
      return cursor;
    }
    int ticks = ticks(part, measure, duration == null ? "<note> without <duration>" : duration, line);
    int start = cursor;
    int next = cursor + ticks;
    measure.length = Math.max(measure.length, next);
    if (rest) {
      rests++;
      return next;
    }
    if (cue) {
      cueNotes++;
      return next;
    }
    if (unpitched) {
      throw measureError(part, measure, line, "<unpitched/>", "an unpitched (percussion) note; a chorale voice"
          + " needs pitched notes");
    }
    if (part.mainVoice == null) {
      part.mainVoice = v;
    } else if (!v.equals(part.mainVoice)) {
      otherVoiceNotes++;
      String problem = "a note in <voice>" + v + "</voice> while the part's voice is " + part.mainVoice
          + " (several voices in one part; a chorale part holds one voice)";
      if (!lenient) {
        throw measureError(part, measure, line, "<voice>" + v + "</voice>", problem);
      }
      problems.add(new ReadProblem(position(line, "<voice>" + v + "</voice>"), where() + partName(part)
          + " measure " + measure.number + ": " + problem + "; dropped it"));
      return next;
    }
    int pitch = pitch(part, measure, line, step, alter, octave);
    PendingNote note = new PendingNote(pitch, start, ticks, tieStart, tieStop, fermata, line);
    for (PendingNote other : measure.notes) {
      if (note.start < other.end() && other.start < note.end()) {
        throw measureError(part, measure, line, note.describe(), "this note overlaps " + other.describe()
            + " (line " + other.line + ") in the same voice; a chorale part must be monophonic");
      }
    }
    measure.notes.add(note);
    return next;
  }

  private int pitch(PartData part, MeasureData measure, int line, String step, String alter, String octave) {
    String text = "<step>" + step + "</step>" + (alter == null ? "" : "<alter>" + alter + "</alter>")
        + "<octave>" + octave + "</octave>";
    if (step == null || octave == null) {
      throw measureError(part, measure, line, text, "a note needs <pitch> with <step> and <octave> (or <rest/>)");
    }
    int stepSemitone = "C D EF G A B".indexOf(step.strip());
    if (step.strip().length() != 1 || stepSemitone < 0) {
      throw measureError(part, measure, line, text, "<step> must be one of the letters A-G");
    }
    int alterSemitones = 0;
    if (alter != null) {
      try {
        double a = Double.parseDouble(alter.strip());
        if (a != Math.rint(a) || Math.abs(a) > 2) {
          throw measureError(part, measure, line, text,
              "<alter> must be a whole number of semitones from -2 to 2 (microtones are not supported)");
        }
        alterSemitones = (int) a;
      } catch (NumberFormatException e) {
        throw measureError(part, measure, line, text, "<alter> must be a number of semitones, e.g. -1 or 1");
      }
    }
    int oct;
    try {
      oct = Integer.parseInt(octave.strip());
    } catch (NumberFormatException e) {
      throw measureError(part, measure, line, text, "<octave> must be a whole number 0-9");
    }
    int midi = (oct + 1) * 12 + stepSemitone + alterSemitones;
    if (oct < 0 || oct > 9 || midi < Note.MIN_PITCH || midi > Note.MAX_PITCH) {
      throw measureError(part, measure, line, text, "the pitch is outside the MIDI range 0..127 (C-1 to G9)");
    }
    return midi;
  }

  /** A {@code <duration>} in ticks, exactly, or an error. */
  private int ticks(PartData part, MeasureData measure, String durationText, int line) {
    if (durationText.startsWith("<")) {
      throw measureError(part, measure, line, "", durationText + " (every note, rest, backup and forward has one;"
          + " only grace notes have none)");
    }
    if (part.divisions <= 0) {
      throw measureError(part, measure, line, "<duration>" + durationText + "</duration>",
          "a <duration> before any <divisions> (the part's first <attributes> must say how many divisions make a"
              + " quarter note)");
    }
    int duration = parsePositive(durationText);
    if (duration < 0) {
      throw measureError(part, measure, line, "<duration>" + durationText + "</duration>",
          "<duration> must be a whole number of divisions >= 0");
    }
    long scaled = (long) duration * Note.TICKS_PER_QUARTER;
    if (scaled % part.divisions != 0) {
      throw measureError(part, measure, line, "<duration>" + durationText + "</duration>", "a duration of "
          + duration + "/" + part.divisions + " quarter notes is not a whole number of ticks at "
          + Note.TICKS_PER_QUARTER + " ticks per quarter");
    }
    long ticks = scaled / part.divisions;
    if (ticks > Integer.MAX_VALUE / 4) {
      throw measureError(part, measure, line, "<duration>" + durationText + "</duration>", "implausibly long");
    }
    return (int) ticks;
  }

  /** A non-negative int, or -1 when the text is not one. */
  private static int parsePositive(String text) {
    try {
      int v = Integer.parseInt(text.strip());
      return v >= 0 ? v : -1;
    } catch (NumberFormatException e) {
      try {
        // Some writers put "4.0"; accept it when it is whole.
        double d = Double.parseDouble(text.strip());
        return d >= 0 && d == Math.rint(d) && d < Integer.MAX_VALUE ? (int) d : -1;
      } catch (NumberFormatException e2) {
        return -1;
      }
    }
  }

  // ---------------------------------------------------------------- assembling the chorale

  private Chorale assemble(String id) {
    PartData first = parts.get(0);
    int measureCount = first.measures.size();
    for (PartData part : parts) {
      if (part.measures.size() != measureCount) {
        throw error(0, "", "the " + partName(part) + " part has " + part.measures.size() + " measures but the "
            + partName(first) + " part has " + measureCount + "; the parts of a chorale must have the same measures");
      }
    }
    if (measureCount == 0) {
      throw error(0, "", "the score has no measures");
    }
    List<Integer> starts = new ArrayList<>();
    int[] offsets = new int[measureCount];
    int time = 0;
    for (int m = 0; m < measureCount; m++) {
      int length = 0;
      for (PartData part : parts) {
        length = Math.max(length, part.measures.get(m).length);
      }
      offsets[m] = time;
      if (length == 0) {
        warn(first.measures.get(m).line, "<measure number=\"" + first.measures.get(m).number + "\">",
            "measure " + first.measures.get(m).number + " is empty in every part and is left out");
        continue;
      }
      starts.add(time);
      if (time > Integer.MAX_VALUE / 2 - length) {
        throw error(first.measures.get(m).line, "", "the score is implausibly long");
      }
      time += length;
    }
    if (time == 0) {
      throw error(0, "", "the score has no notes, rests or forwards: its length is 0");
    }
    Key key = first.firstKey;
    if (key == null) {
      key = Key.C_MAJOR;
      warn(0, "", "no key signature; read as C major");
    }
    Meter meter = first.firstTime;
    if (meter == null) {
      meter = Meter.COMMON_TIME;
      warn(0, "", "no time signature; read as 4/4");
    }
    int firstLength = starts.size() > 1 ? starts.get(1) : time;
    int pickup = firstLength < meter.barTicks() ? firstLength : 0;

    List<ImmutableList<Note>> lines = new ArrayList<>(4);
    for (PartData part : parts) {
      List<PendingNote> line = new ArrayList<>();
      for (int m = 0; m < measureCount; m++) {
        for (PendingNote n : part.measures.get(m).notes) {
          n.start += offsets[m];
          line.add(n);
        }
      }
      line.sort(Comparator.comparingInt(n -> n.start));
      repairTies(part, line);
      ImmutableList.Builder<Note> notes = ImmutableList.builderWithExpectedSize(line.size());
      for (PendingNote n : line) {
        notes.add(new Note(n.pitch, n.start, n.duration, n.tieStart, n.tieStop, n.fermata));
      }
      lines.add(notes.build());
    }
    String title = movementTitle != null && !movementTitle.isBlank() ? movementTitle.strip()
        : workTitle != null && !workTitle.isBlank() ? workTitle.strip() : id;
    try {
      return new Chorale(id, title, key, meter, pickup, ImmutableList.copyOf(starts), time, lines.get(0),
          lines.get(1), lines.get(2), lines.get(3));
    } catch (IllegalArgumentException e) {
      throw error(0, "", "not a valid chorale: " + e.getMessage());
    }
  }

  /**
   * Makes each tie a pair: a note tied to the next one of its voice needs that note to start where it ends, at
   * the same pitch. A tie flag on one side of such a pair completes the pair; a flag with no such neighbour is
   * dropped. Every change is a warning.
   */
  private void repairTies(PartData part, List<PendingNote> line) {
    for (int i = 0; i < line.size(); i++) {
      PendingNote n = line.get(i);
      PendingNote next = i + 1 < line.size() ? line.get(i + 1) : null;
      boolean adjacent = next != null && next.start == n.end() && next.pitch == n.pitch;
      boolean linked = adjacent && (n.tieStart || next.tieStop);
      if (n.tieStart && !linked) {
        n.tieStart = false;
        warn(n.line, "<tie type=\"start\"/>", partName(part) + ": the tie from " + n.describe()
            + " leads to no following note of the same pitch; tie dropped");
      } else if (linked && !n.tieStart) {
        n.tieStart = true;
        warn(n.line, n.describe(), partName(part) + ": " + n.describe() + " has no tie start but the next note"
            + " (line " + next.line + ") has a tie stop at the same pitch; tie completed");
      }
      if (next != null) {
        if (linked && !next.tieStop) {
          next.tieStop = true;
          warn(next.line, next.describe(), partName(part) + ": " + next.describe() + " has no tie stop but the"
              + " previous note (line " + n.line + ") is tied to it; tie completed");
        } else if (!linked && next.tieStop) {
          next.tieStop = false;
          warn(next.line, "<tie type=\"stop\"/>", partName(part) + ": the tie into " + next.describe()
              + " comes from no preceding note of the same pitch; tie dropped");
        }
      }
    }
    if (!line.isEmpty() && line.get(0).tieStop) {
      PendingNote n = line.get(0);
      n.tieStop = false;
      warn(n.line, "<tie type=\"stop\"/>", partName(part) + ": the first note " + n.describe()
          + " has a tie stop; tie dropped");
    }
  }

  // ---------------------------------------------------------------- StAX helpers

  /** Moves to the next child element of the current element; false when its end tag is reached. */
  private boolean nextChild() throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    return false;
  }

  /** Skips the current element and everything in it. */
  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** Skips forward to the end tag of the enclosing element {@code name} (which must not nest). */
  private void skipToEndOf(String name) throws XMLStreamException {
    if (r.isEndElement() && r.getLocalName().equals(name)) {
      return;
    }
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals(name)) {
        return;
      }
    }
  }

  /** The text of the current element, which must hold only text. */
  private String text() throws XMLStreamException {
    return r.getElementText().strip();
  }

  private int line() {
    return Math.max(0, r.getLocation().getLineNumber());
  }

  // ---------------------------------------------------------------- problems

  private static String partName(PartData part) {
    return Voice.ofIndex(part.index).name().toLowerCase(Locale.ROOT);
  }

  private String where() {
    return entry == null ? "" : "entry '" + entry + "', ";
  }

  private SourcePosition position(int line, String text) {
    return new SourcePosition(file, line, text);
  }

  private CorpusFormatException measureError(PartData part, MeasureData measure, int line, String text,
      String problem) {
    return new CorpusFormatException(position(line, text), where() + partName(part) + " part, measure "
        + measure.number + ": " + problem);
  }

  private CorpusFormatException error(int line, String text, String problem) {
    return new CorpusFormatException(position(line, text), where() + problem);
  }

  private void warn(int line, String text, String problem) {
    warnings.add(new ReadProblem(position(line, text), where() + problem));
  }
}
