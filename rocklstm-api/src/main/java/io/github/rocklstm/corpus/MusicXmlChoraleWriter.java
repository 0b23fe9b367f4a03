package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.math.IntMath;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Voice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Chorale} as an uncompressed MusicXML 3.1 partwise score: four parts (Soprano, Alto, Tenor,
 * Bass, with treble, treble-8vb and bass clefs), the key and time signature, the chorale's bar lines (a pickup
 * measure is numbered 0 and marked {@code implicit="yes"}), notes with ties and fermatas, and rests for the gaps.
 *
 * <p>{@link MusicXmlChoraleReader} reads the file back to an equal chorale when the chorale's file name stem is
 * its id, as long as no note crosses a bar line. A note that crosses one (only generated chorales have them) is
 * written as tied notes split at the bar line, which is how MusicXML notates it, and reads back as those
 * pieces. Rests are split at bar lines and into plain or dotted note values, which does not change the chorale.
 *
 * <p>Divisions are the smallest that express every onset and duration exactly. {@code <type>} and dots are
 * written for notes whose duration is a plain, dotted or double-dotted value; a note of another length (a
 * tuplet, or five 16ths) has only its exact {@code <duration>}. Pitches are spelled with sharps, or with flats
 * in flat keys. Instances are stateless and thread-safe.
 */
public final class MusicXmlChoraleWriter {

  private static final String DOCTYPE = "<!DOCTYPE score-partwise"
      + " PUBLIC \"-//Recordare//DTD MusicXML 3.1 Partwise//EN\" \"http://www.musicxml.org/dtds/partwise.dtd\">";
  private static final String[] PART_NAMES = {"Soprano", "Alto", "Tenor", "Bass"};
  private static final String[] PART_ABBREVIATIONS = {"S.", "A.", "T.", "B."};

  /** Note types from the longest, with their length in ticks. */
  private static final String[] TYPE_NAMES = {"long", "breve", "whole", "half", "quarter", "eighth", "16th", "32nd",
      "64th", "128th"};
  private static final int[] TYPE_TICKS = {16 * Note.TICKS_PER_QUARTER, 8 * Note.TICKS_PER_QUARTER,
      4 * Note.TICKS_PER_QUARTER, 2 * Note.TICKS_PER_QUARTER, Note.TICKS_PER_QUARTER, Note.TICKS_PER_QUARTER / 2,
      Note.TICKS_PER_QUARTER / 4, Note.TICKS_PER_QUARTER / 8, Note.TICKS_PER_QUARTER / 16,
      Note.TICKS_PER_QUARTER / 32};

  /** Writes {@code chorale} to {@code file} atomically: a temporary file beside it, then a move over it. */
  public void write(Chorale chorale, Path file) throws IOException {
    Preconditions.checkNotNull(chorale, "chorale");
    Preconditions.checkNotNull(file, "file");
    AtomicFiles.write(file, out -> write(chorale, out));
  }

  /** Writes {@code chorale} to {@code out} as UTF-8 MusicXML; {@code out} is flushed, not closed. */
  public void write(Chorale chorale, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    write(chorale, writer);
    writer.flush();
  }

  /** The MusicXML text of {@code chorale}. */
  public String toXml(Chorale chorale) {
    StringWriter s = new StringWriter();
    try {
      write(chorale, s);
    } catch (IOException e) {
      throw new AssertionError("a StringWriter does not fail", e);
    }
    return s.toString();
  }

  private void write(Chorale chorale, Writer out) throws IOException {
    Preconditions.checkNotNull(chorale, "chorale");
    try {
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      new Document(chorale, new Indenting(x)).write();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write MusicXML for " + chorale.id() + ": " + e.getMessage(), e);
    }
  }

  /** One note or rest inside one measure. */
  private record Piece(int pitch, int start, int duration, boolean tieStart, boolean tieStop, boolean fermata) {
    boolean rest() {
      return pitch < 0;
    }
  }

  private static final class Document {
    private final Chorale chorale;
    private final Indenting x;
    private final int ticksPerDivision;
    private final boolean flats;

    Document(Chorale chorale, Indenting x) {
      this.chorale = chorale;
      this.x = x;
      int g = Note.TICKS_PER_QUARTER;
      g = IntMath.gcd(g, chorale.totalDuration());
      for (int start : chorale.measureStarts()) {
        g = IntMath.gcd(g, start);
      }
      for (Voice v : Voice.values()) {
        for (Note n : chorale.voice(v)) {
          g = IntMath.gcd(IntMath.gcd(g, n.start()), n.duration());
        }
      }
      this.ticksPerDivision = g;
      this.flats = chorale.key().prefersFlats();
    }

    void write() throws XMLStreamException {
      x.prolog(DOCTYPE);
      x.start("score-partwise").attribute("version", "3.1");
      x.leaf("movement-title", chorale.title());
      x.start("identification");
      x.start("encoding");
      x.leaf("software", "rocklstm");
      x.end();
      x.end();
      x.start("part-list");
      for (int p = 0; p < 4; p++) {
        x.start("score-part").attribute("id", "P" + (p + 1));
        x.leaf("part-name", PART_NAMES[p]);
        x.leaf("part-abbreviation", PART_ABBREVIATIONS[p]);
        x.end();
      }
      x.end();
      for (Voice v : Voice.values()) {
        writePart(v);
      }
      x.end();
      x.finish();
    }

    private void writePart(Voice voice) throws XMLStreamException {
      x.start("part").attribute("id", "P" + (voice.ordinal() + 1));
      List<Integer> starts = chorale.measureStarts();
      List<Note> line = chorale.voice(voice);
      int next = 0; // index of the first note not yet fully written
      for (int m = 0; m < starts.size(); m++) {
        int measureStart = starts.get(m);
        int measureEnd = m + 1 < starts.size() ? starts.get(m + 1) : chorale.totalDuration();
        int number = chorale.pickup() > 0 ? m : m + 1;
        x.start("measure").attribute("number", String.valueOf(number));
        if (m == 0 && chorale.pickup() > 0) {
          x.attribute("implicit", "yes");
        }
        if (m == 0) {
          writeAttributes(voice);
        }
        List<Piece> pieces = new ArrayList<>();
        int cursor = measureStart;
        while (next < line.size() && line.get(next).start() < measureEnd) {
          Note n = line.get(next);
          int from = Math.max(n.start(), measureStart);
          int to = Math.min(n.end(), measureEnd);
          addRests(pieces, cursor, from);
          boolean first = from == n.start();
          boolean last = to == n.end();
          pieces.add(new Piece(n.pitch(), from, to - from, last ? n.tieStart() : true, first ? n.tieStop() : true,
              first && n.fermata()));
          cursor = to;
          if (last) {
            next++;
          } else {
            break;
          }
        }
        addRests(pieces, cursor, measureEnd);
        for (Piece piece : pieces) {
          writePiece(piece);
        }
        if (m == starts.size() - 1) {
          x.start("barline").attribute("location", "right");
          x.leaf("bar-style", "light-heavy");
          x.end();
        }
        x.end();
      }
      x.end();
    }

    private void addRests(List<Piece> pieces, int from, int to) {
      int t = from;
      while (t < to) {
        int length = longestWrittenValue(to - t);
        if (length <= 0) {
          length = to - t; // not a plain or dotted value: one rest with the exact duration
        }
        pieces.add(new Piece(-1, t, length, false, false, false));
        t += length;
      }
    }

    private void writeAttributes(Voice voice) throws XMLStreamException {
      x.start("attributes");
      x.leaf("divisions", String.valueOf(Note.TICKS_PER_QUARTER / ticksPerDivision));
      Key key = chorale.key();
      x.start("key");
      x.leaf("fifths", String.valueOf(fifths(key)));
      x.leaf("mode", key.mode() == Mode.MINOR ? "minor" : "major");
      x.end();
      x.start("time");
      x.leaf("beats", String.valueOf(chorale.meter().numerator()));
      x.leaf("beat-type", String.valueOf(chorale.meter().denominator()));
      x.end();
      x.start("clef");
      switch (voice) {
        case SOPRANO:
        case ALTO:
          x.leaf("sign", "G");
          x.leaf("line", "2");
          break;
        case TENOR:
          x.leaf("sign", "G");
          x.leaf("line", "2");
          x.leaf("clef-octave-change", "-1");
          break;
        default:
          x.leaf("sign", "F");
          x.leaf("line", "4");
      }
      x.end();
      x.end();
    }

    private void writePiece(Piece p) throws XMLStreamException {
      x.start("note");
      if (p.rest()) {
        x.empty("rest");
      } else {
        x.start("pitch");
        String name = PitchClass.of(p.pitch()).name(flats);
        x.leaf("step", name.substring(0, 1));
        if (name.length() > 1) {
          x.leaf("alter", name.charAt(1) == '#' ? "1" : "-1");
        }
        x.leaf("octave", String.valueOf(Math.floorDiv(p.pitch(), 12) - 1));
        x.end();
      }
      x.leaf("duration", String.valueOf(p.duration() / ticksPerDivision));
      if (p.tieStop()) {
        x.empty("tie").attribute("type", "stop");
      }
      if (p.tieStart()) {
        x.empty("tie").attribute("type", "start");
      }
      x.leaf("voice", "1");
      int type = typeIndex(p.duration());
      if (type >= 0) {
        x.leaf("type", TYPE_NAMES[type]);
        int dots = dots(p.duration(), TYPE_TICKS[type]);
        for (int d = 0; d < dots; d++) {
          x.empty("dot");
        }
      }
      if (p.tieStart() || p.tieStop() || p.fermata()) {
        x.start("notations");
        if (p.tieStop()) {
          x.empty("tied").attribute("type", "stop");
        }
        if (p.tieStart()) {
          x.empty("tied").attribute("type", "start");
        }
        if (p.fermata()) {
          x.empty("fermata").attribute("type", "upright");
        }
        x.end();
      }
      x.end();
    }

    /** MusicXML {@code <fifths>} of a key: sharps positive, flats negative, spelled as the key prefers. */
    private static int fifths(Key key) {
      int majorTonic = key.mode() == Mode.MINOR ? key.tonic().transpose(3).semitone() : key.tonic().semitone();
      int fifths = Math.floorMod(majorTonic * 7, 12); // 0..11 sharps
      if (key.prefersFlats() && fifths > 0) {
        fifths -= 12;
      } else if (fifths > 6) {
        fifths -= 12;
      }
      return fifths;
    }
  }

  /** The index of the note type whose plain, dotted or double-dotted length is {@code ticks}, or -1. */
  static int typeIndex(int ticks) {
    for (int i = 0; i < TYPE_TICKS.length; i++) {
      if (dots(ticks, TYPE_TICKS[i]) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** 0, 1 or 2 when {@code ticks} is {@code base} with that many dots, else -1. */
  static int dots(int ticks, int base) {
    if (ticks == base) {
      return 0;
    }
    if (base % 2 == 0 && ticks == base + base / 2) {
      return 1;
    }
    if (base % 4 == 0 && ticks == base + base / 2 + base / 4) {
      return 2;
    }
    return -1;
  }

  /** The longest plain or dotted value not longer than {@code ticks}, or 0 when none fits. */
  static int longestWrittenValue(int ticks) {
    int best = 0;
    for (int base : TYPE_TICKS) {
      for (int length : new int[] {base, base % 2 == 0 ? base + base / 2 : 0}) {
        if (length > best && length <= ticks) {
          best = length;
        }
      }
    }
    return best;
  }

  /** A thin XMLStreamWriter wrapper that indents by two spaces. */
  private static final class Indenting {
    private final XMLStreamWriter w;
    private int depth;
    private boolean hasChildren;

    Indenting(XMLStreamWriter w) {
      this.w = w;
    }

    /** The XML declaration and the DOCTYPE, each on its own line. */
    void prolog(String doctype) throws XMLStreamException {
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeDTD(doctype);
      w.writeCharacters("\n");
    }

    Indenting start(String name) throws XMLStreamException {
      newline();
      w.writeStartElement(name);
      depth++;
      hasChildren = false;
      return this;
    }

    Indenting attribute(String name, String value) throws XMLStreamException {
      w.writeAttribute(name, value);
      return this;
    }

    Indenting empty(String name) throws XMLStreamException {
      newline();
      w.writeEmptyElement(name);
      hasChildren = true;
      return this;
    }

    void leaf(String name, String text) throws XMLStreamException {
      newline();
      w.writeStartElement(name);
      w.writeCharacters(text);
      w.writeEndElement();
      hasChildren = true;
    }

    void end() throws XMLStreamException {
      depth--;
      if (hasChildren) {
        newline();
      }
      w.writeEndElement();
      hasChildren = true;
    }

    void finish() throws XMLStreamException {
      w.writeCharacters("\n");
      w.writeEndDocument();
    }

    private void newline() throws XMLStreamException {
      if (depth > 0 || hasChildren) {
        w.writeCharacters("\n" + "  ".repeat(depth));
      }
    }
  }
}
