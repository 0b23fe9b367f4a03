package io.github.rocklstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.rocklstm.corpus.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every distinct chord label of the four corpora parses, and parse(format(parse(x))) equals parse(x). The counts
 * of distinct labels were measured on the corpora as stored (see each corpus README for the source commit).
 */
class CorpusChordLabelsTest {

  /**
   * Tokens between Billboard bar lines that are not chord labels, with what they mean; corpus readers handle them.
   */
  private static final Map<String, String> BILLBOARD_NON_CHORDS = Map.ofEntries(
      Map.entry(".", "the previous chord continues on this beat"),
      Map.entry("*", "a bar the annotators left without a chord"),
      Map.entry("&pause", "a pause (silence) of one bar"),
      Map.entry("(1/4)", "metre change for this bar"), Map.entry("(2/4)", "metre change for this bar"),
      Map.entry("(3/4)", "metre change for this bar"), Map.entry("(3/8)", "metre change for this bar"),
      Map.entry("(4/4)", "metre change for this bar"), Map.entry("(5/4)", "metre change for this bar"),
      Map.entry("(5/8)", "metre change for this bar"), Map.entry("(6/4)", "metre change for this bar"),
      Map.entry("(7/4)", "metre change for this bar"), Map.entry("(9/4)", "metre change for this bar"),
      Map.entry("(9/8)", "metre change for this bar"));

  /** RS200 expanded-file tokens that are not numerals: bar lines, placeholders, rests, [key] and [metre] marks. */
  private static final Predicate<String> RS200_NON_NUMERAL =
      token -> token.equals("|") || token.equals(".") || token.equals("R") || token.startsWith("[");

  @Test
  void billboardHarteLabels() {
    Set<String> tokens = new TreeSet<>();
    for (Path file : files(DataDirectory.resolve("mcgill-billboard").resolve("mcgill_original/McGill-Billboard"),
        "salami_chords.txt")) {
      for (String line : lines(file)) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\|", -1);
        for (int i = 1; i < parts.length - 1; i++) {
          for (String token : parts[i].trim().split("\\s+")) {
            if (!token.isEmpty()) {
              tokens.add(token);
            }
          }
        }
      }
    }
    assertEquals(989, tokens.size(), "distinct tokens between Billboard bar lines");
    Set<String> labels = new TreeSet<>(tokens);
    labels.removeAll(BILLBOARD_NON_CHORDS.keySet());
    assertEquals(975, labels.size(), "distinct Billboard chord labels (N included)");
    assertEquals(BILLBOARD_NON_CHORDS.keySet(), difference(tokens, labels), "the non-chord tokens are the listed ones");
    checkHarteRoundTrips(labels);
    assertEquals(25, reduced(labels, VocabularyLevel.MAJMIN).size(), "Billboard covers all 24 triads plus N");
  }

  @Test
  void marlHarteLabels() {
    Set<String> labels = new TreeSet<>();
    for (Path file : files(DataDirectory.resolve("marl-rwc-uspop-chords"), ".lab")) {
      for (String line : lines(file)) {
        String[] columns = line.trim().split("\\s+");
        if (columns.length == 3) {
          labels.add(columns[2]);
        } else if (!line.isBlank()) {
          fail(file + ": expected 'start end label', got '" + line + "'");
        }
      }
    }
    assertEquals(834, labels.size(), "distinct MARL RWC/uspop labels (N included)");
    checkHarteRoundTrips(labels);
    assertEquals(25, reduced(labels, VocabularyLevel.MAJMIN).size());
  }

  @Test
  void jazzLeadSheetSymbols() {
    Set<String> symbols = new TreeSet<>();
    for (Path file : files(DataDirectory.resolve("jazz-chord-progressions").resolve("SongDB"), ".txt")) {
      for (String line : lines(file)) {
        if (line.contains("=")) {
          continue;
        }
        for (String token : line.replace('|', ' ').trim().split("\\s+")) {
          if (!token.isEmpty()) {
            symbols.add(token);
          }
        }
      }
    }
    assertEquals(1536, symbols.size(), "distinct jazz lead-sheet symbols (NC included)");
    List<String> failures = new ArrayList<>();
    for (String symbol : symbols) {
      try {
        Chord chord = ChordSymbols.parseLeadSheet(symbol);
        for (boolean flats : new boolean[] {false, true}) {
          String formatted = ChordSymbols.formatLeadSheet(chord, flats);
          if (!ChordSymbols.parseLeadSheet(formatted).equals(chord)) {
            failures.add(symbol + " -> " + formatted);
          }
        }
        if (!ChordSymbols.parseHarte(ChordSymbols.formatHarte(chord)).equals(chord)) {
          failures.add(symbol + " -> Harte " + ChordSymbols.formatHarte(chord));
        }
      } catch (IllegalArgumentException e) {
        failures.add(e.getMessage());
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(25, reducedChords(symbols, ChordSymbols::parseLeadSheet, VocabularyLevel.MAJMIN).size());
  }

  @Test
  void rs200RomanNumerals() {
    Set<String> tokens = new TreeSet<>();
    Path folder = DataDirectory.resolve("rs200-rock-corpus").resolve("original_v2.1/rs200_harmony_exp");
    List<Path> files = files(folder, ".txt");
    assertEquals(400, files.size(), "RS200 expanded analyses");
    for (Path file : files) {
      for (String line : lines(file)) {
        if (line.startsWith("Warning")) {
          continue;
        }
        for (String token : line.trim().split("\\s+")) {
          if (!token.isEmpty()) {
            tokens.add(token);
          }
        }
      }
    }
    Set<String> numerals = new TreeSet<>(tokens);
    numerals.removeIf(RS200_NON_NUMERAL);
    assertEquals(23, tokens.size() - numerals.size(), "bar lines, '.', 'R', 8 [metre] and 12 [key] marks");
    assertEquals(203, numerals.size(), "distinct RS200 numerals");
    List<String> failures = new ArrayList<>();
    for (String text : numerals) {
      try {
        RomanNumeral numeral = RomanNumeral.parse(text);
        if (!RomanNumeral.parse(numeral.format()).equals(numeral)) {
          failures.add(text + " -> " + numeral.format());
        }
        for (Key key : List.of(Key.C_MAJOR, Key.parse("Eb"), Key.parse("f#"))) {
          Chord chord = numeral.toChord(key);
          if (!RomanNumeral.of(chord, key).toChord(key).equals(chord)) {
            failures.add(text + " in " + key + " -> " + chord);
          }
        }
      } catch (IllegalArgumentException e) {
        failures.add(e.getMessage());
      }
    }
    assertEquals(List.of(), failures);
  }

  private static void checkHarteRoundTrips(Set<String> labels) {
    List<String> failures = new ArrayList<>();
    for (String label : labels) {
      try {
        Chord chord = ChordSymbols.parseHarte(label);
        String formatted = ChordSymbols.formatHarte(chord);
        if (!ChordSymbols.parseHarte(formatted).equals(chord)) {
          failures.add(label + " -> " + formatted);
        }
        if (chord.isPitched()) {
          for (boolean flats : new boolean[] {false, true}) {
            String symbol = ChordSymbols.formatLeadSheet(chord, flats);
            Chord back = ChordSymbols.parseLeadSheet(symbol);
            if (!back.intervals().equals(chord.intervals()) || back.bass() != chord.bass()) {
              failures.add(label + " -> lead sheet " + symbol);
            }
          }
          for (VocabularyLevel level : VocabularyLevel.values()) {
            assertTrue(level.qualities().contains(chord.reduce(level).quality()), label + " at " + level);
          }
        }
      } catch (IllegalArgumentException e) {
        failures.add(e.getMessage());
      }
    }
    assertEquals(List.of(), failures);
  }

  private static Set<Chord> reduced(Set<String> labels, VocabularyLevel level) {
    return reducedChords(labels, ChordSymbols::parseHarte, level);
  }

  private static Set<Chord> reducedChords(Set<String> labels, java.util.function.Function<String, Chord> parser,
      VocabularyLevel level) {
    Set<Chord> result = new java.util.HashSet<>();
    for (String label : labels) {
      Chord chord = parser.apply(label);
      if (!chord.isUnknown()) {
        result.add(chord.reduce(level));
      }
    }
    return result;
  }

  private static Set<String> difference(Set<String> all, Set<String> part) {
    Set<String> result = new TreeSet<>(all);
    result.removeAll(part);
    return result;
  }

  static List<Path> files(Path folder, String nameSuffix) {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files = walk.filter(Files::isRegularFile)
          .filter(path -> path.getFileName().toString().endsWith(nameSuffix)).sorted().toList();
      assertTrue(!files.isEmpty(), "no *" + nameSuffix + " under " + folder);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
