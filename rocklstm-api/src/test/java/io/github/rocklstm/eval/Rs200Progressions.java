package io.github.rocklstm.eval;

import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.RomanNumeral;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test-only: the RS200 expanded analyses of one analyst ({@code rs200_harmony_exp/<song>_<analyst>.txt}) as keyed
 * progressions, sorted by song name. Not the project's corpus reader; a plain reading for evaluator tests.
 *
 * <ul>
 *   <li>Numerals are realised in C ({@link RomanNumeral#toChord(Key)} with tonic C), so every song is already in
 *       C and its key is {@link Key#C_MAJOR}: the expanded files name the tonic but not the mode, so minor songs are
 *       measured against the major scale of their tonic too. Key changes {@code [E]} are ignored for the same reason
 *       (numerals after them count from the new tonic).
 *   <li>{@code |} ends a bar; the bar's beats (from the last {@code [n/d]} metre mark, 4/4 at first; {@code [0]} is
 *       ignored) are shared evenly by its items; an empty bar and a {@code .} item lengthen the previous chord;
 *       {@code R} is no chord.
 * </ul>
 */
final class Rs200Progressions {

  private Rs200Progressions() {}

  static List<KeyedProgression> load(String analyst) {
    Path folder = DataDirectory.resolve("rs200-rock-corpus").resolve("original_v2.1").resolve("rs200_harmony_exp");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(f -> f.getFileName().toString().endsWith("_" + analyst + ".txt")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<KeyedProgression> songs = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      songs.add(new KeyedProgression(name.substring(0, name.lastIndexOf('_')), Key.C_MAJOR, read(file)));
    }
    return songs;
  }

  private static ChordProgression read(Path file) {
    List<String> tokens = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.startsWith("Warning")) {
          for (String token : line.trim().split("\\s+")) {
            if (!token.isEmpty()) {
              tokens.add(token);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ChordEvent> events = new ArrayList<>();
    Meter firstMeter = null;
    Meter meter = Meter.COMMON_TIME;
    List<String> bar = new ArrayList<>();
    for (String token : tokens) {
      if (token.startsWith("[")) {
        String mark = token.substring(1, token.length() - 1);
        if (mark.contains("/")) {
          meter = Meter.parse(mark);
          firstMeter = firstMeter == null ? meter : firstMeter;
        }
      } else if (token.equals("|")) {
        closeBar(bar, meter.beatsPerBar(), events);
        bar.clear();
      } else {
        bar.add(token);
      }
    }
    if (!bar.isEmpty()) {
      closeBar(bar, meter.beatsPerBar(), events);
    }
    return ChordProgression.of(events, firstMeter == null ? Meter.COMMON_TIME : firstMeter);
  }

  private static void closeBar(List<String> bar, int beatsPerBar, List<ChordEvent> events) {
    if (bar.isEmpty()) {
      lengthen(events, beatsPerBar);
      return;
    }
    double slot = (double) beatsPerBar / bar.size();
    for (String item : bar) {
      if (item.equals(".")) {
        lengthen(events, slot);
      } else {
        Chord chord = item.equals("R") ? Chord.NO_CHORD : RomanNumeral.parse(item).toChord(Key.C_MAJOR);
        events.add(new ChordEvent(chord, slot));
      }
    }
  }

  private static void lengthen(List<ChordEvent> events, double beats) {
    if (events.isEmpty()) {
      events.add(new ChordEvent(Chord.NO_CHORD, beats));
    } else {
      ChordEvent last = events.remove(events.size() - 1);
      events.add(new ChordEvent(last.chord(), last.beats() + beats));
    }
  }
}
