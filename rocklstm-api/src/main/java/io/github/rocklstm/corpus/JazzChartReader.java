package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the Jazz Chord Progressions Corpus (Bunks et al. 2023, {@code SongDB/Songs*}/{@code *.txt}; format in
 * {@link JazzChartParser}), a non-rock contrast set.
 *
 * <p><b>Songs.</b> Id {@code jazz:<file name without .txt>} (unique across the three {@code Songs*} folders),
 * title from {@code Title} (the file name when missing), artist = {@code ComposedBy}, genre {@value Song#JAZZ}, no
 * year, metre from {@code TimeSig}. Chords are lead-sheet symbols ({@link ChordSymbols#parseLeadSheet});
 * {@code NC} is no-chord. A bar's chords share its beats equally. No sections.
 *
 * <p><b>Keys.</b> {@code DBKeySig} names a key signature by its major key, without mode: minor tunes carry their
 * relative major's signature (Blue Bossa, in C minor, has {@code DBKeySig = Eb}). The key is the major key of the
 * signature unless {@link KeyFinder} prefers the relative minor by more than {@value #MINOR_MARGIN} in correlation
 * ({@link KeySource#MODE_ESTIMATED}). A chart without a usable signature gets {@link KeyFinder}'s key
 * ({@link KeySource#ESTIMATED}).
 *
 * <p><b>Lenient mode</b> skips a bad bar or header line, and a whole file only when it is not text or empty.
 */
public final class JazzChartReader implements CorpusReader {

  /** How much better (Pearson correlation) the relative minor must fit than the signature's major key. */
  public static final double MINOR_MARGIN = 0.05;

  /** The charts, relative to the corpus folder {@code jazz-chord-progressions/}. */
  public static final String CHARTS_FOLDER = "SongDB";

  private final KeyFinder keyFinder;

  /** A reader that picks modes with {@link KeyFinder#krumhanslKessler()}. */
  public JazzChartReader() {
    this(KeyFinder.krumhanslKessler());
  }

  /** A reader that picks modes with {@code keyFinder}. */
  public JazzChartReader(KeyFinder keyFinder) {
    this.keyFinder = Preconditions.checkNotNull(keyFinder, "keyFinder");
  }

  @Override
  public ReadResult<Song> read(Path folder, ReadMode mode) {
    Preconditions.checkNotNull(folder, "folder");
    Preconditions.checkNotNull(mode, "mode");
    ProblemLog log = new ProblemLog(mode);
    Path charts = Files.isDirectory(folder.resolve(CHARTS_FOLDER)) ? folder.resolve(CHARTS_FOLDER) : folder;
    Map<String, Chord> chords = new HashMap<>();
    List<Song> songs = new ArrayList<>();
    for (Path file : TextFiles.find(charts, 2, name -> name.endsWith(".txt"))) {
      readOne(file, chords, log).ifPresent(songs::add);
    }
    return ReadResult.of(songs, log.problems());
  }

  @Override
  public ReadResult<Song> readFile(Path file, ReadMode mode) {
    Preconditions.checkNotNull(file, "file");
    ProblemLog log = new ProblemLog(mode);
    List<Song> songs = new ArrayList<>();
    readOne(file, new HashMap<>(), log).ifPresent(songs::add);
    return ReadResult.of(songs, log.problems());
  }

  /**
   * The key of a chart with key signature {@code signature}: its major key, or the relative minor when
   * {@link KeyFinder} prefers it by more than {@link #MINOR_MARGIN}.
   */
  Key keyFor(PitchClass signature, ChordProgression progression) {
    double[] profile = KeyFinder.profileOf(progression.events());
    Key major = Key.major(signature);
    Key relativeMinor = Key.minor(signature.transpose(-3));
    double majorFit = keyFinder.correlation(profile, major);
    double minorFit = keyFinder.correlation(profile, relativeMinor);
    return minorFit - majorFit > MINOR_MARGIN ? relativeMinor : major;
  }

  private Optional<Song> readOne(Path file, Map<String, Chord> chords, ProblemLog log) {
    try {
      JazzChartParser.Chart<Chord> chart =
          JazzChartParser.parse(file, log, label -> chords.computeIfAbsent(label, JazzChartReader::chordOf));
      ChartAssembler.TimedChart<Chord> timed = ChartAssembler.assemble(chart.items(), Chord.NO_CHORD, log);
      if (timed.events().isEmpty()) {
        return Optional.empty(); // reported by the parser: no bars
      }
      ChordProgression progression = SongAssembly.progression(timed);
      Key key;
      KeySource source;
      if (chart.keySignature().isPresent()) {
        key = keyFor(chart.keySignature().get(), progression);
        source = KeySource.MODE_ESTIMATED;
      } else {
        key = keyFinder.estimate(progression).map(KeyFinder.Estimate::key).orElse(Key.C_MAJOR);
        source = KeySource.ESTIMATED;
      }
      String stem = file.getFileName().toString().replace('@', '_');
      stem = stem.endsWith(".txt") ? stem.substring(0, stem.length() - 4) : stem;
      String id = "jazz:" + stem;
      String title = chart.title().isEmpty() ? stem : chart.title();
      return Optional.of(new Song(id, id, title, chart.composer(), OptionalInt.empty(), Song.JAZZ, key, source,
          ImmutableList.of(), progression, file, 0));
    } catch (CorpusFormatException e) {
      log.report(e);
      return Optional.empty();
    }
  }

  /** A chart's chord symbol: {@code NC} is no-chord, anything else a lead-sheet symbol. */
  static Chord chordOf(String label) {
    return label.equals("NC") ? Chord.NO_CHORD : ChordSymbols.parseLeadSheet(label);
  }
}
