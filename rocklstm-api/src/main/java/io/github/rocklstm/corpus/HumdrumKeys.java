package io.github.rocklstm.corpus;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the key interpretations ({@code *A:}, {@code *d:}, {@code *E-:}, {@code *e:dor}, {@code *E:mix}) of one
 * spine of a CoCoPops humdrum file. Upper-case tonic = major, lower-case = minor, as humdrum writes them; a modal
 * qualifier keeps the case's mode (dorian and phrygian are minor-like, mixolydian and lydian major-like), which is
 * how the McGill and RS200 readers attach a mode to an annotated tonic.
 */
final class HumdrumKeys {

  private static final Pattern KEY = Pattern.compile("\\*([A-Ga-g])([#-]*):.*");

  private HumdrumKeys() {}

  /**
   * The keys of the first spine whose exclusive interpretation is {@code exclusive} (e.g. {@code **harm},
   * {@code **kern}), in order, consecutive repeats removed; empty when the file has no such spine or no keys.
   * Problems in the file (not text) are not the caller's corpus problems: they give an empty list.
   */
  static ImmutableList<Key> keys(Path file, String exclusive) {
    ImmutableList<String> lines;
    try {
      lines = TextFiles.readLines(file);
    } catch (CorpusFormatException e) {
      return ImmutableList.of();
    }
    int column = -1;
    List<Key> keys = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty() || line.charAt(0) != '*') {
        continue; // only interpretation lines matter: data, comments and bar lines are skipped unsplit
      }
      String[] fields = line.split("\t", -1);
      if (column < 0) {
        if (line.startsWith("**")) {
          for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(exclusive)) {
              column = i;
              break;
            }
          }
          if (column < 0) {
            return ImmutableList.of();
          }
        }
        continue;
      }
      if (column >= fields.length) {
        continue;
      }
      Matcher m = KEY.matcher(fields[column]);
      if (m.matches()) {
        String letter = m.group(1);
        PitchClass tonic = PitchClass.parse(letter + m.group(2).replace('-', 'b'));
        Key key = new Key(tonic, Character.isUpperCase(letter.charAt(0)) ? Mode.MAJOR : Mode.MINOR);
        if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(key)) {
          keys.add(key);
        }
      }
    }
    return ImmutableList.copyOf(keys);
  }

  /** The mode of the first key in {@code keys} whose tonic is {@code tonic}, if any. */
  static Optional<Mode> modeOf(PitchClass tonic, List<Key> keys) {
    for (Key key : keys) {
      if (key.tonic() == tonic) {
        return Optional.of(key.mode());
      }
    }
    return Optional.empty();
  }
}
