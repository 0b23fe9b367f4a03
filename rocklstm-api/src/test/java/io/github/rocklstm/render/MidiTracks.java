package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Reading back what the renderers wrote: notes, meta events and programs of one track. */
final class MidiTracks {

  /** A note read from a track: its note-on and the matching note-off. */
  record Played(long start, long end, int channel, int pitch, int velocity) {}

  private MidiTracks() {}

  /** The notes of {@code track} in note-on order, each paired with the first later note-off of its pitch. */
  static List<Played> notes(Track track) {
    List<Played> notes = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      MidiEvent event = track.get(i);
      if (isNoteOn(event.getMessage())) {
        ShortMessage on = (ShortMessage) event.getMessage();
        long end = -1;
        for (int j = i + 1; j < track.size() && end < 0; j++) {
          MidiMessage m = track.get(j).getMessage();
          if (isNoteOff(m) && ((ShortMessage) m).getData1() == on.getData1()
              && ((ShortMessage) m).getChannel() == on.getChannel()) {
            end = track.get(j).getTick();
          }
        }
        assertTrue(end >= 0, "note-on without note-off at tick " + event.getTick());
        notes.add(new Played(event.getTick(), end, on.getChannel(), on.getData1(), on.getData2()));
      }
    }
    return notes;
  }

  static boolean isNoteOn(MidiMessage m) {
    return m instanceof ShortMessage && ((ShortMessage) m).getCommand() == ShortMessage.NOTE_ON
        && ((ShortMessage) m).getData2() > 0;
  }

  static boolean isNoteOff(MidiMessage m) {
    return m instanceof ShortMessage && (((ShortMessage) m).getCommand() == ShortMessage.NOTE_OFF
        || (((ShortMessage) m).getCommand() == ShortMessage.NOTE_ON && ((ShortMessage) m).getData2() == 0));
  }

  /** The data of every meta event of {@code type}, in order. */
  static List<byte[]> metas(Track track, int type) {
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      MidiMessage m = track.get(i).getMessage();
      if (m instanceof MetaMessage && ((MetaMessage) m).getType() == type) {
        data.add(((MetaMessage) m).getData());
      }
    }
    return data;
  }

  /** The single meta event of {@code type}, which must be at tick 0. */
  static byte[] metaAtStart(Track track, int type) {
    List<byte[]> data = metas(track, type);
    assertEquals(1, data.size(), "meta events of type " + type);
    for (int i = 0; i < track.size(); i++) {
      MidiMessage m = track.get(i).getMessage();
      if (m instanceof MetaMessage && ((MetaMessage) m).getType() == type) {
        assertEquals(0, track.get(i).getTick(), "tick of meta event " + type);
      }
    }
    return data.get(0);
  }

  /** The track name (meta event 3). */
  static String name(Track track) {
    return new String(metaAtStart(track, 0x03), StandardCharsets.UTF_8);
  }

  /** Every program change as {channel, program, tick}. */
  static List<int[]> programChanges(Track track) {
    List<int[]> changes = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      MidiMessage m = track.get(i).getMessage();
      if (m instanceof ShortMessage && ((ShortMessage) m).getCommand() == ShortMessage.PROGRAM_CHANGE) {
        changes.add(new int[] {((ShortMessage) m).getChannel(), ((ShortMessage) m).getData1(),
            (int) track.get(i).getTick()});
      }
    }
    return changes;
  }

  /** The pitches of the notes starting at {@code tick}, ascending. */
  static List<Integer> pitchesAt(List<Played> notes, long tick) {
    List<Integer> pitches = new ArrayList<>();
    for (Played note : notes) {
      if (note.start() == tick) {
        pitches.add(note.pitch());
      }
    }
    pitches.sort(null);
    return pitches;
  }

  /** The distinct note-on ticks, ascending. */
  static List<Long> onsets(List<Played> notes) {
    List<Long> ticks = new ArrayList<>();
    for (Played note : notes) {
      if (!ticks.contains(note.start())) {
        ticks.add(note.start());
      }
    }
    ticks.sort(null);
    return ticks;
  }
}
