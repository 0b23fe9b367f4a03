package io.github.rocklstm.token;

import static io.github.rocklstm.music.ChordSymbols.parseHarte;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.MeterChange;
import io.github.rocklstm.music.Section;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.token.ChordTokenizer.Settings;
import io.github.rocklstm.token.ChordTokenizer.TimeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChordTokenizerTest {

  private static ChordEvent event(String harte, double beats) {
    return new ChordEvent(parseHarte(harte), beats);
  }

  /** 4/4: verse C:maj7 A:min7 | chorus F:maj | G:7 G:maj. */
  private static final ChordProgression POP = new ChordProgression(
      ImmutableList.of(event("C:maj7", 2), event("A:min7", 2), event("F:maj", 4), event("G:7", 2), event("G:maj", 2)),
      Meter.COMMON_TIME, ImmutableList.of(new Section("Verse", 0), new Section("Chorus", 2)));

  /** One beat each: B:hdim7 E:7(b9), then two beats each: A:min E:sus4 E:5. */
  private static final ChordProgression MINOR = ChordProgression.of(List.of(event("B:hdim7", 1), event("E:7(b9)", 1),
      event("A:min", 2), event("E:sus4", 2), event("E:5", 2)));

  private static String text(ChordTokenizer tokenizer, int[] tokens) {
    return Arrays.stream(tokens).mapToObj(tokenizer.vocabulary()::token).collect(Collectors.joining(" "));
  }

  private static ChordTokenizer allChords(VocabularyLevel level, TimeMode mode, boolean sections) {
    return ChordTokenizer.withAllChords(new Settings(level, mode, sections, false), List.of("verse", "chorus"),
        List.of());
  }

  @Test
  void tellsChordTokensFromBarLinesLabelsAndSpecials() {
    for (String chord : List.of("C:maj", "A:min", "N", "Bb:7")) {
      assertTrue(ChordTokenizer.isChordToken(chord), chord);
      assertFalse(ChordTokenizer.isLabelToken(chord), chord);
    }
    for (String label : List.of(ChordTokenizer.sectionToken("Pre Chorus"), ChordTokenizer.genreToken("rock"))) {
      assertTrue(ChordTokenizer.isLabelToken(label), label);
      assertFalse(ChordTokenizer.isChordToken(label), label);
    }
    assertFalse(ChordTokenizer.isChordToken(ChordTokenizer.BAR));
    for (String special : Vocabulary.SPECIAL_TOKENS) {
      assertFalse(ChordTokenizer.isChordToken(special), special);
    }
  }

  @Test
  void majMinVocabularyIsFixedAndOrdered() {
    ChordTokenizer tokenizer = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BAR, true);
    Vocabulary vocabulary = tokenizer.vocabulary();
    assertEquals(33, vocabulary.size(), "5 specials, bar, 2 sections, N, 24 triads");
    assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>", "|", "<section:chorus>", "<section:verse>",
        "N", "C:maj", "C:min", "Db:maj", "Db:min", "D:maj"), vocabulary.tokens().subList(0, 14));
    assertEquals("B:min", vocabulary.token(32));
    assertEquals(30, allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false).vocabulary().size());
    assertEquals(5 + 1 + 12 * 7, allChords(VocabularyLevel.TRIADS, TimeMode.CHANGES, false).vocabulary().size());
    assertEquals(5 + 1 + 12 * 15, allChords(VocabularyLevel.SEVENTHS, TimeMode.CHANGES, false).vocabulary().size());
    assertThrows(IllegalArgumentException.class, () -> allChords(VocabularyLevel.FULL, TimeMode.CHANGES, false));
  }

  @Test
  void changesMergeEqualTokensAndSectionsStartAChange() {
    ChordTokenizer tokenizer = allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, true);
    int[] tokens = tokenizer.encode(POP);
    assertEquals("<start> <section:verse> C:maj A:min <section:chorus> F:maj G:maj <end>", text(tokenizer, tokens));
    // Ids by hand: specials 0-4, <section:chorus> 5, <section:verse> 6, N 7, C:maj 8, C:min 9, ... F:maj 18,
    // G:maj 22, A:min 27.
    assertArrayEquals(new int[] {1, 6, 8, 27, 5, 18, 22, 2}, tokens);
    ChordTokenizer noSections = allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false);
    assertEquals("<start> C:maj A:min F:maj G:maj <end>", text(noSections, noSections.encode(POP)));
  }

  @Test
  void perBeatAndPerBar() {
    ChordTokenizer perBeat = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BEAT, false);
    assertEquals("<start> C:maj C:maj A:min A:min F:maj F:maj F:maj F:maj G:maj G:maj G:maj G:maj <end>",
        text(perBeat, perBeat.encode(POP)));
    ChordTokenizer perBar = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BAR, true);
    assertEquals("<start> | <section:verse> C:maj C:maj A:min A:min | <section:chorus> F:maj F:maj F:maj F:maj"
        + " | G:maj G:maj G:maj G:maj <end>", text(perBar, perBar.encode(POP)));
    // 6/8 has two beats a bar.
    ChordProgression sixEight = ChordProgression.of(POP.events(), Meter.parse("6/8"));
    assertEquals("<start> | C:maj C:maj | A:min A:min | F:maj F:maj | F:maj F:maj | G:maj G:maj | G:maj G:maj <end>",
        text(perBar, perBar.encode(sixEight)));
  }

  @Test
  void perBarFollowsMetreChanges() {
    ChordTokenizer perBar = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BAR, false);
    // 4/4 thirds of a bar (boundaries 0, 4/3, 8/3, 4 round to 0, 1, 3, 4), a bar of 2/4, then 4/4 again.
    ChordProgression song = new ChordProgression(
        ImmutableList.of(event("C:maj", 4.0 / 3), event("D:min", 4.0 / 3), event("E:min", 4.0 / 3),
            event("F:maj", 1), event("G:maj", 1), event("A:min", 6)),
        Meter.COMMON_TIME, ImmutableList.of(),
        ImmutableList.of(new MeterChange(3, new Meter(2, 4)), new MeterChange(5, Meter.COMMON_TIME)));
    assertEquals("<start> | C:maj D:min D:min E:min | F:maj G:maj | A:min A:min A:min A:min | A:min A:min <end>",
        text(perBar, perBar.encode(song)));
    // With one 4/4 metre the bar lines would fall every four beats: | C D D E | F G A A | A A A A |.
    assertEquals("<start> | C:maj D:min D:min E:min | F:maj G:maj A:min A:min | A:min A:min A:min A:min <end>",
        text(perBar, perBar.encode(ChordProgression.of(song.events()))));
  }

  @Test
  void perBarDecodeRebuildsMetresFromBarLengths() {
    ChordTokenizer perBar = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BAR, false);
    // A run of C across a change of metre comes back as two events, so that the change has an event to start at.
    ChordProgression bar24 = new ChordProgression(
        ImmutableList.of(event("C:maj", 4), event("C:maj", 2), event("G:maj", 4)), Meter.COMMON_TIME,
        ImmutableList.of(), ImmutableList.of(new MeterChange(1, new Meter(2, 4)), new MeterChange(2,
            Meter.COMMON_TIME)));
    int[] tokens = perBar.encode(bar24);
    assertEquals("<start> | C:maj C:maj C:maj C:maj | C:maj C:maj | G:maj G:maj G:maj G:maj <end>",
        text(perBar, tokens));
    assertEquals(bar24, perBar.decode(tokens));
    // Beats are kept, note values are not: a 9/8 bar in 6/8 comes back as 3/4 (bars of 6/8's two beats stay 6/8).
    Meter sixEight = Meter.parse("6/8");
    ChordProgression nineEight = new ChordProgression(
        ImmutableList.of(event("A:min", 2), event("E:maj", 3), event("A:min", 2)), sixEight, ImmutableList.of(),
        ImmutableList.of(new MeterChange(1, Meter.parse("9/8")), new MeterChange(2, sixEight)));
    ChordProgression decoded = perBar.decode(perBar.encode(nineEight), sixEight);
    assertEquals(nineEight.events(), decoded.events());
    assertEquals(List.of(new MeterChange(1, Meter.THREE_FOUR), new MeterChange(2, sixEight)),
        decoded.meterChanges());
    assertEquals(nineEight.bars(), decoded.bars());
    // A last bar shorter than the metre before it is an incomplete bar, not a change (so a song ending on a 2/4 bar
    // keeps its bar lines but not that metre).
    ChordProgression endsIn24 = new ChordProgression(ImmutableList.of(event("C:maj", 4), event("G:maj", 2)),
        Meter.COMMON_TIME, ImmutableList.of(), ImmutableList.of(new MeterChange(1, new Meter(2, 4))));
    ChordProgression shortLastBar = perBar.decode(perBar.encode(endsIn24));
    assertEquals(ChordProgression.of(endsIn24.events()), shortLastBar);
    assertEquals(endsIn24.bars(), shortLastBar.bars());
    // Chords before the first bar line make the first bar; empty bars vanish.
    int c = perBar.vocabulary().idOf("C:maj");
    int g = perBar.vocabulary().idOf("G:maj");
    int bar = perBar.vocabulary().idOf(ChordTokenizer.BAR);
    assertEquals(new ChordProgression(ImmutableList.of(event("C:maj", 2), event("G:maj", 4)), new Meter(2, 4),
        ImmutableList.of(), ImmutableList.of(new MeterChange(1, Meter.COMMON_TIME))),
        perBar.decode(new int[] {1, c, c, bar, bar, g, g, g, g, 2}));
    // PER_BEAT has no bar lines: one metre, the one asked for.
    ChordTokenizer perBeat = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BEAT, false);
    assertEquals(ChordProgression.of(List.of(event("C:maj", 6), event("G:maj", 4)), new Meter(2, 4)),
        perBeat.decode(perBeat.encode(bar24), new Meter(2, 4)));
  }

  @Test
  void levels() {
    ChordTokenizer majMin = allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false);
    assertEquals("<start> B:min E:maj A:min E:maj <end>", text(majMin, majMin.encode(MINOR)));
    ChordTokenizer triads = allChords(VocabularyLevel.TRIADS, TimeMode.CHANGES, false);
    assertEquals("<start> B:dim E:maj A:min E:sus4 E:5 <end>", text(triads, triads.encode(MINOR)));
    ChordTokenizer sevenths = allChords(VocabularyLevel.SEVENTHS, TimeMode.PER_BEAT, false);
    assertEquals("<start> B:hdim7 E:7 A:min A:min E:sus4 E:sus4 E:5 E:5 <end>",
        text(sevenths, sevenths.encode(MINOR)));
    ChordTokenizer full = ChordTokenizer.fit(new Settings(VocabularyLevel.FULL, TimeMode.CHANGES, false, false),
        List.of(MINOR, POP));
    assertEquals("<start> B:hdim7 E:7(b9) A:min E:sus4 E:5 <end>", text(full, full.encode(MINOR)));
  }

  @Test
  void fitCollectsTokensInTheDocumentedOrder() {
    ChordProgression song = new ChordProgression(
        ImmutableList.of(event("G:maj/3", 4), event("X", 4), event("C:maj(9)", 4), event("N", 4), event("C:maj", 4)),
        Meter.COMMON_TIME, ImmutableList.of(new Section("Intro", 0), new Section("Pre Chorus", 2)));
    ChordTokenizer tokenizer = ChordTokenizer.fit(new Settings(VocabularyLevel.FULL, TimeMode.PER_BAR, true, true),
        List.of(song), List.of("Rock", "soul / R&B"));
    assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>", "|", "<section:intro>",
        "<section:pre_chorus>", "<genre:rock>", "<genre:soul_r_b>", "N", "C:maj", "C:maj(9)", "G:maj/3"),
        tokenizer.vocabulary().tokens());
    assertEquals("<start> <genre:rock> | <section:intro> G:maj/3 G:maj/3 G:maj/3 G:maj/3 | <unk> <unk> <unk> <unk>"
        + " | <section:pre_chorus> C:maj(9) C:maj(9) C:maj(9) C:maj(9) | N N N N | C:maj C:maj C:maj C:maj <end>",
        text(tokenizer, tokenizer.encode(song, "rock")));
  }

  @Test
  void genreTokens() {
    ChordTokenizer tokenizer = ChordTokenizer.withAllChords(
        new Settings(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false, true), List.of(), List.of("rock", "soul"));
    int[] rock = tokenizer.encode(POP, "Rock");
    assertEquals("<start> <genre:rock> C:maj A:min F:maj G:maj <end>", text(tokenizer, rock));
    assertEquals(Optional.of("rock"), tokenizer.genreOf(rock));
    assertEquals("<start> <unk> C:maj A:min F:maj G:maj <end>", text(tokenizer, tokenizer.encode(POP)));
    assertEquals("<start> <unk> C:maj A:min F:maj G:maj <end>", text(tokenizer, tokenizer.encode(POP, "jazz")));
    assertEquals(Optional.empty(), tokenizer.genreOf(tokenizer.encode(POP)));
    assertEquals("<start> <genre:soul>", text(tokenizer, tokenizer.primer("soul")));
    assertEquals(tokenizer.decode(tokenizer.encode(POP)), tokenizer.decode(rock), "decode skips the genre");
    ChordTokenizer plain = allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false);
    assertArrayEquals(new int[] {Vocabulary.START_ID}, plain.primer(null));
    assertThrows(IllegalArgumentException.class, () -> plain.primer("rock"));
  }

  @Test
  void fractionalBeatsAreRoundedCumulatively() {
    ChordTokenizer tokenizer = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BEAT, true);
    // Boundaries 0, 1.5, 3, 4 round (half up) to 0, 2, 3, 4.
    ChordProgression halves = ChordProgression.of(List.of(event("C:maj", 1.5), event("G:maj", 1.5),
        event("F:maj", 1)));
    assertEquals("<start> C:maj C:maj G:maj F:maj <end>", text(tokenizer, tokenizer.encode(halves)));
    // Boundaries 0, 1.8, 2.2, 4 round to 0, 2, 2, 4: D vanishes, and its section starts with E.
    ChordProgression shortChord = new ChordProgression(
        ImmutableList.of(event("C:maj", 1.8), event("D:min", 0.4), event("E:min", 1.8)), Meter.COMMON_TIME,
        ImmutableList.of(new Section("chorus", 1)));
    assertEquals("<start> C:maj C:maj <section:chorus> E:min E:min <end>",
        text(tokenizer, tokenizer.encode(shortChord)));
  }

  @Test
  void decodeGivesDurationsByTimeMode() {
    ChordTokenizer changes = allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, true);
    ChordProgression decoded = changes.decode(changes.encode(POP));
    assertEquals(List.of(event("C:maj", 4), event("A:min", 4), event("F:maj", 4), event("G:maj", 4)),
        decoded.events(), "CHANGES: one 4/4 bar per chord");
    assertEquals(List.of(new Section("verse", 0), new Section("chorus", 2)), decoded.sections());
    assertEquals(3.0, changes.decode(changes.encode(POP), Meter.parse("3/4")).events().get(0).beats());

    ChordTokenizer perBeat = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BEAT, false);
    assertEquals(List.of(event("C:maj", 2), event("A:min", 2), event("F:maj", 4), event("G:maj", 4)),
        perBeat.decode(perBeat.encode(POP)).events(), "PER_BEAT: runs of equal chords merge");

    ChordTokenizer perBar = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BAR, false);
    ChordProgression waltz = ChordProgression.of(List.of(event("C:maj", 3), event("G:maj", 3), event("C:maj", 2)),
        Meter.parse("3/4"));
    assertEquals(waltz, perBar.decode(perBar.encode(waltz)), "PER_BAR infers 3/4 from its bars");
  }

  @Test
  void decodeSkipsPaddingAndStopsAtEndAndRejectsJunk() {
    ChordTokenizer tokenizer = allChords(VocabularyLevel.MAJMIN, TimeMode.PER_BEAT, false);
    int c = tokenizer.vocabulary().idOf("C:maj");
    int g = tokenizer.vocabulary().idOf("G:maj");
    ChordProgression expected = ChordProgression.of(List.of(event("C:maj", 2), event("G:maj", 1)));
    assertEquals(expected, tokenizer.decode(new int[] {1, c, c, g, 2, 0, 0}));
    assertEquals(expected, tokenizer.decode(new int[] {1, c, c, g, 2, c, c}), "stops at END");
    assertEquals(expected, tokenizer.decode(new int[] {1, c, c, g}), "no END: read to the end");
    assertEquals(expected, tokenizer.decode(new int[] {c, c, g}), "no START");
    assertEquals(ChordProgression.of(List.of(new ChordEvent(Chord.UNKNOWN, 1))), tokenizer.decode(new int[] {1, 3, 2}));
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> tokenizer.decode(new int[] {1, c, 999, 2}));
    assertTrue(outside.getMessage().contains("position 2"), outside.getMessage());
    IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
        () -> tokenizer.decode(new int[] {1, c, Vocabulary.MASK_ID, 2}));
    assertTrue(mask.getMessage().contains("<mask> at position 2"), mask.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {1, c, Vocabulary.START_ID}));
  }

  @Test
  void fullLevelRoundTripsWholeBeatProgressions() {
    String[] pool = {"C:maj", "C:maj/3", "A:min7", "F:maj7(#11)", "G:7(b9)/b7", "Bb:maj", "E:sus4(b7)", "D:min9",
        "N", "X", "Ab:aug", "F#:hdim7/b5", "Eb:5", "B:(1,b3,#4)", "C:1"};
    String[] labels = {"verse", "chorus", "bridge", "intro"};
    Meter[] meters = {Meter.COMMON_TIME, Meter.parse("3/4"), Meter.parse("6/8"), Meter.parse("12/8")};
    Random random = new Random(20240611L);
    List<ChordProgression> progressions = new ArrayList<>();
    for (int p = 0; p < 60; p++) {
      List<ChordEvent> events = new ArrayList<>();
      List<Section> sections = new ArrayList<>();
      String previous = null;
      int length = 1 + random.nextInt(30);
      for (int e = 0; e < length; e++) {
        String label;
        do {
          label = pool[random.nextInt(pool.length)];
        } while (label.equals(previous));
        previous = label;
        events.add(event(label, 1 + random.nextInt(6)));
        if (random.nextInt(5) == 0) {
          sections.add(new Section(labels[random.nextInt(labels.length)], e));
        }
      }
      progressions.add(new ChordProgression(ImmutableList.copyOf(events), meters[random.nextInt(meters.length)],
          ImmutableList.copyOf(sections)));
    }
    for (TimeMode mode : new TimeMode[] {TimeMode.PER_BEAT, TimeMode.PER_BAR}) {
      ChordTokenizer tokenizer = ChordTokenizer.fit(new Settings(VocabularyLevel.FULL, mode, true, false),
          progressions);
      assertEquals(5 + (mode == TimeMode.PER_BAR ? 1 : 0) + labels.length + pool.length - 1,
          tokenizer.vocabulary().size(), "X is UNK, not a token");
      for (ChordProgression progression : progressions) {
        int[] tokens = tokenizer.encode(progression);
        assertEquals(progression, tokenizer.decode(tokens, progression.meter()), mode + " " + progression);
        if (mode == TimeMode.PER_BAR && progression.meter().equals(Meter.COMMON_TIME)
            && progression.totalBeats() >= 8) {
          assertEquals(progression, tokenizer.decode(tokens), "4/4 inferred");
        }
        // Storing the vocabulary as a list of strings and reloading gives the same tokenizer behaviour.
        ChordTokenizer reloaded = new ChordTokenizer(tokenizer.settings(),
            Vocabulary.of(tokenizer.vocabulary().tokens()));
        assertArrayEquals(tokens, reloaded.encode(progression));
      }
    }
  }

  @Test
  void rejectsVocabulariesThatDoNotFit() {
    Settings majMin = new Settings(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false, false);
    IllegalArgumentException seventh = assertThrows(IllegalArgumentException.class,
        () -> new ChordTokenizer(majMin, Vocabulary.builder().add("C:maj7").build()));
    assertTrue(seventh.getMessage().contains("'C:maj7'") && seventh.getMessage().contains("MAJMIN"),
        seventh.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ChordTokenizer(majMin, Vocabulary.builder().add("A#:maj").build()), "not canonical: Bb:maj");
    IllegalArgumentException junk = assertThrows(IllegalArgumentException.class,
        () -> new ChordTokenizer(majMin, Vocabulary.builder().add("foo").build()));
    assertTrue(junk.getMessage().contains("'foo'"), junk.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ChordTokenizer(
        new Settings(VocabularyLevel.MAJMIN, TimeMode.PER_BAR, false, false), Vocabulary.builder().build()));
  }

  @Test
  void labelsAreNormalised() {
    assertEquals("<section:pre_chorus>", ChordTokenizer.sectionToken(" Pre Chorus "));
    assertEquals("<section:pre-chorus>", ChordTokenizer.sectionToken("Pre-Chorus"));
    assertEquals("<genre:other>", ChordTokenizer.genreToken("!!!"));
    assertEquals("C:maj", allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false).chordToken(parseHarte("C:7/3")));
    assertEquals("<unk>", allChords(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false).chordToken(Chord.UNKNOWN));
  }
}
