package io.github.rocklstm.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.corpus.TestCorpora;
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
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code decode(encode(x))} round-trips for every song of every chord corpus at the FULL level, with section and
 * genre tokens on and the vocabulary fitted on that corpus, in the way the {@link ChordTokenizer} class comment
 * documents for each time mode:
 * <ul>
 *   <li>CHANGES gives exactly x's chord changes (equal neighbours merged unless a section starts between them),
 *       one bar each, and x's sections;
 *   <li>PER_BEAT and PER_BAR give x on the beat grid (cumulative positions rounded half up), runs of equal chords
 *       merged, x's sections; PER_BAR also gives x's bar lines and the metres rebuilt from bar lengths;
 *   <li>encoding the decoded progression gives the same tokens again.
 * </ul>
 * The expected values are built here from the corpus songs (a second implementation of the documented rules), and
 * the bar lines are checked against {@link ChordProgression#bars()} of the song as read.
 */
class ChordTokenizerCorpusRoundTripTest {

  private static final double EPSILON = 1e-9;

  // Songs that round-trip exactly in PER_BEAT (every boundary between chord changes on a whole beat), measured:
  // McGill 890 of 890 chart slots, since its bars share their beats equally among their slots and in these files
  // every bar's slot count divides its beats (the annotators write one slot per beat). RS200 387 of 400 analyses and
  // the jazz charts 2,410 of 2,614: they share a bar's beats among its chords the same way, and some bars have more
  // chords than beats (RS200's 'ii65 V43/ii ii vi6 bVIId7 . VId7 .' in a bar of four beats, Afreaka's eight chords
  // in a bar of 4/4), so half beats move when rounded. The .lab files 0 of 295: their durations are seconds (at an
  // assumed tempo), and no file has all its boundaries on whole beats.

  @Test
  void billboardAllChartSlots() {
    check(TestCorpora.billboardAllSlots().items(), 890);
  }

  @Test
  void rs200Analyses() {
    check(TestCorpora.rs200().items(), 387);
  }

  @Test
  void rwcAndUspopLabFiles() {
    check(TestCorpora.harte().items(), 0);
  }

  @Test
  void jazzCharts() {
    check(TestCorpora.jazz().items(), 2410);
  }

  private static void check(List<Song> songs, int exactPerBeat) {
    List<ChordProgression> progressions = songs.stream().map(Song::progression).collect(Collectors.toList());
    TreeSet<String> genres = songs.stream().map(Song::genre).collect(Collectors.toCollection(TreeSet::new));
    ChordTokenizer changes = fit(TimeMode.CHANGES, progressions, genres);
    ChordTokenizer perBeat = fit(TimeMode.PER_BEAT, progressions, genres);
    ChordTokenizer perBar = fit(TimeMode.PER_BAR, progressions, genres);
    int exact = 0;
    for (Song song : songs) {
      ChordProgression x = song.progression();
      String genre = song.genre();

      int[] tokens = changes.encode(x, genre);
      ChordProgression decoded = changes.decode(tokens, x.meter());
      assertEquals(chordChanges(x), decoded, song.id());
      assertArrayEquals(tokens, changes.encode(decoded, genre), song.id());

      BeatGrid grid = BeatGrid.of(x);
      tokens = perBeat.encode(x, genre);
      decoded = perBeat.decode(tokens, x.meter());
      assertEquals(grid.perBeat(x.meter()), decoded, song.id());
      assertArrayEquals(tokens, perBeat.encode(decoded, genre), song.id());
      List<ChordEvent> changesAsRead = mergeEqualNeighbours(x);
      boolean whole = onWholeBeats(changesAsRead);
      assertEquals(whole, sameTiming(changesAsRead, decoded.events()), song.id());
      if (whole) {
        exact++;
      }

      tokens = perBar.encode(x, genre);
      decoded = perBar.decode(tokens, x.meter());
      assertEquals(grid.perBar(x.meter()), decoded, song.id());
      assertEquals(roundedBarLines(x, grid.beats()), barLines(decoded), song.id());
      assertArrayEquals(tokens, perBar.encode(decoded, genre), song.id());
    }
    assertEquals(exactPerBeat, exact, "songs that round-trip exactly in PER_BEAT");
  }

  private static ChordTokenizer fit(TimeMode mode, List<ChordProgression> progressions, TreeSet<String> genres) {
    return ChordTokenizer.fit(new Settings(VocabularyLevel.FULL, mode, true, true), progressions, genres);
  }

  /** Chord equality, quick for the common case of one instance (readers share a chord's instance). */
  private static boolean same(Chord a, Chord b) {
    return a == b || a.equals(b);
  }

  /** A cumulative position rounded half up to a whole beat (the tokenizer's documented rounding). */
  private static int beat(double position) {
    return (int) Math.floor(position + 0.5 + EPSILON);
  }

  /** The normalised section label starting at each event of x, null where none starts. */
  private static String[] sectionsByEvent(ChordProgression x) {
    String[] labels = new String[x.events().size()];
    x.sections().forEach(s -> labels[s.startEvent()] = ChordTokenizer.normalizeLabel(s.label()));
    return labels;
  }

  /** CHANGES: one event per chord change (a section start is a change), one bar of x's opening metre each. */
  private static ChordProgression chordChanges(ChordProgression x) {
    String[] labels = sectionsByEvent(x);
    List<ChordEvent> events = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      Chord chord = x.events().get(i).chord();
      if (labels[i] != null || events.isEmpty() || !same(events.get(events.size() - 1).chord(), chord)) {
        if (labels[i] != null) {
          sections.add(new Section(labels[i], events.size()));
        }
        events.add(new ChordEvent(chord, x.meter().beatsPerBar()));
      }
    }
    return new ChordProgression(ImmutableList.copyOf(events), x.meter(), ImmutableList.copyOf(sections));
  }

  /** x's events with equal neighbours merged (unless a section starts at the second), durations summed. */
  private static List<ChordEvent> mergeEqualNeighbours(ChordProgression x) {
    String[] labels = sectionsByEvent(x);
    List<ChordEvent> events = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      ChordEvent event = x.events().get(i);
      int last = events.size() - 1;
      if (labels[i] == null && last >= 0 && same(events.get(last).chord(), event.chord())) {
        events.set(last, new ChordEvent(event.chord(), events.get(last).beats() + event.beats()));
      } else {
        events.add(event);
      }
    }
    return events;
  }

  /** Whether every event boundary lies on a whole beat. */
  private static boolean onWholeBeats(List<ChordEvent> events) {
    double position = 0;
    for (ChordEvent event : events) {
      position += event.beats();
      if (Math.abs(position - Math.rint(position)) > EPSILON) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameTiming(List<ChordEvent> expected, List<ChordEvent> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!same(expected.get(i).chord(), actual.get(i).chord())
          || Math.abs(expected.get(i).beats() - actual.get(i).beats()) > EPSILON) {
        return false;
      }
    }
    return true;
  }

  /** The beats at which bars start, from {@link ChordProgression#bars()}. */
  private static List<Integer> barLines(ChordProgression progression) {
    List<Integer> starts = new ArrayList<>();
    double position = 0;
    for (List<ChordEvent> bar : progression.bars()) {
      starts.add((int) Math.rint(position));
      position += bar.stream().mapToDouble(ChordEvent::beats).sum();
    }
    return starts;
  }

  /** x's bar starts rounded to the beat grid, those before its end ({@code beats}). */
  private static List<Integer> roundedBarLines(ChordProgression x, int beats) {
    List<Integer> starts = new ArrayList<>();
    double position = 0;
    for (List<ChordEvent> bar : x.bars()) {
      if (beat(position) < beats) {
        starts.add(beat(position));
      }
      position += bar.stream().mapToDouble(ChordEvent::beats).sum();
    }
    return starts;
  }

  /**
   * A progression on the beat grid: the chord of every beat, the (normalised) section label and the metre starting
   * at a beat (null where none). An event starts at its rounded start; one that rounds to no beats leaves its
   * section and metre change to the beat it would have started at, where a later one wins.
   */
  private record BeatGrid(Chord[] chords, String[] sections, Meter[] meters, Meter opening) {

    static BeatGrid of(ChordProgression x) {
      int beats = beat(x.totalBeats());
      Chord[] chords = new Chord[beats];
      String[] sections = new String[beats + 1];
      Meter[] meters = new Meter[beats + 1];
      String[] labels = sectionsByEvent(x);
      Meter[] changes = new Meter[labels.length];
      x.meterChanges().forEach(c -> changes[c.startEvent()] = c.meter());
      double position = 0;
      for (int i = 0; i < labels.length; i++) {
        int start = beat(position);
        position += x.events().get(i).beats();
        sections[start] = labels[i] != null ? labels[i] : sections[start];
        meters[start] = changes[i] != null ? changes[i] : meters[start];
        for (int b = start; b < beat(position); b++) {
          chords[b] = x.events().get(i).chord();
        }
      }
      assertEquals(beats, beat(position), "cumulative and total beats");
      return new BeatGrid(chords, sections, meters, x.meter());
    }

    int beats() {
      return chords.length;
    }

    /** PER_BEAT: runs of equal chords merged unless a section starts; one metre. */
    ChordProgression perBeat(Meter meter) {
      return merge(meter, new Meter[beats() + 1]);
    }

    /**
     * PER_BAR: the bars of x on the grid (each metre's bars counted from the beat it starts at), and their metres
     * rebuilt from their lengths: {@code meter} for bars of its beats, n/4 for others; opening with the first bar's;
     * a change where a bar's metre differs from the one before, except for a last bar shorter than the metre before
     * and not of {@code meter}'s length.
     */
    ChordProgression perBar(Meter meter) {
      List<Integer> barStarts = new ArrayList<>();
      int beatsPerBar = opening.beatsPerBar();
      int from = 0;
      for (int b = 0; b < beats(); b++) {
        if (meters[b] != null) {
          beatsPerBar = meters[b].beatsPerBar();
          from = b;
        }
        if ((b - from) % beatsPerBar == 0) {
          barStarts.add(b);
        }
      }
      Meter first = meter;
      Meter current = null;
      Meter[] rebuilt = new Meter[beats() + 1];
      for (int k = 0; k < barStarts.size(); k++) {
        boolean last = k + 1 == barStarts.size();
        int length = (last ? beats() : barStarts.get(k + 1)) - barStarts.get(k);
        assertTrue(length <= 64, "bar of " + length + " beats");
        Meter own = length == meter.beatsPerBar() ? meter : new Meter(length, 4);
        if (current == null) {
          current = last && length < meter.beatsPerBar() ? meter : own;
          first = current;
        } else if (!own.equals(current) && !(last && length < current.beatsPerBar() && !own.equals(meter))) {
          rebuilt[barStarts.get(k)] = own;
          current = own;
        }
      }
      return merge(first, rebuilt);
    }

    /** Events from runs of equal chords, cut where a section or one of {@code changes} starts. */
    private ChordProgression merge(Meter meter, Meter[] changes) {
      List<ChordEvent> events = new ArrayList<>();
      List<Section> sectionList = new ArrayList<>();
      List<MeterChange> changeList = new ArrayList<>();
      int start = 0;
      for (int b = 1; b <= beats(); b++) {
        if (b == beats() || sections[b] != null || changes[b] != null || !same(chords[b], chords[start])) {
          if (sections[start] != null) {
            sectionList.add(new Section(sections[start], events.size()));
          }
          if (changes[start] != null) {
            changeList.add(new MeterChange(events.size(), changes[start]));
          }
          events.add(new ChordEvent(chords[start], b - start));
          start = b;
        }
      }
      return new ChordProgression(ImmutableList.copyOf(events), meter, ImmutableList.copyOf(sectionList),
          ImmutableList.copyOf(changeList));
    }
  }
}
