package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the McGill Billboard chord annotations ({@code salami_chords.txt}, v2.0; format in
 * {@link SalamiChordsParser}).
 *
 * <p><b>Songs.</b> One song per chart-slot folder {@code NNNN/}, id {@code billboard:NNNN}, genre
 * {@value Song#POP_ROCK}. Title, artist, metre and tonic from the header; year from {@code billboard-2.0-index.csv}
 * ({@code chart_date}) when the folder holds it. Chord slots are Harte labels; {@code N}, {@code *} (no harmony
 * annotated, e.g. drum intros) and {@code &pause} (a held pause) are no-chord, as the CoCoPops conversion reads
 * them. A bar's beats ({@link io.github.rocklstm.music.Meter#beatsPerBar()}: 6/8 has 2, 12/8 has 4) are shared
 * equally among its slots, bar-local metres such as {@code (2/4)} included; see {@link ChartAssembler} for how
 * {@code .} and bar lines make events. Sections: the label of a line's section ({@code intro}, {@code verse}), or
 * its letter when it has no label. Silence, {@code Z} noise lines and {@code end} give no events.
 *
 * <p><b>Keys.</b> The first {@code # tonic:} is the song's tonic; later tonic lines are {@link KeyChange}s. The
 * files have no mode. The mode comes from the CoCoPops humdrum version of the same song
 * ({@code cocopops_humdrum/Data}): the match is by chart-slot id, listed in the {@code Sample ID#} column of
 * {@code Billboard_Sample.tsv}; the mode is that of the first {@code **harm} key interpretation ({@code *A:} major,
 * {@code *a:} minor) on the same tonic. Without such a key (CoCoPops corrected some tonics) {@link KeyFinder}
 * picks the mode for the annotated tonic ({@link KeySource#MODE_ESTIMATED}).
 *
 * <p><b>Duplicates.</b> 890 chart slots hold 739 distinct songs: {@link #read} keeps, for each title and artist
 * (compared case-insensitively, spaces collapsed), the song with the lowest id, so that a song cannot land in two
 * parts of a {@link Split}; {@link #readAllChartSlots} keeps them all.
 *
 * <p><b>Lenient mode</b> skips a bad line (with all its bars: the line is the unit the format labels and repeats),
 * and a whole file only when it is not text or empty.
 */
public final class BillboardReader implements CorpusReader {

  private static final System.Logger LOG = System.getLogger(BillboardReader.class.getName());

  /** Folder of the chart-slot folders, relative to the corpus folder {@code mcgill-billboard/}. */
  public static final String SLOTS_FOLDER = "mcgill_original/McGill-Billboard";

  /** The chart index with dates, relative to the corpus folder. */
  public static final String INDEX_FILE = "mcgill_original/billboard-2.0-index.csv";

  /** The CoCoPops sample list (file name to chart-slot ids), relative to the corpus folder. */
  public static final String COCOPOPS_SAMPLE_FILE = "cocopops_humdrum/Billboard_Sample.tsv";

  /** The CoCoPops humdrum files, relative to the corpus folder. */
  public static final String COCOPOPS_DATA_FOLDER = "cocopops_humdrum/Data";

  private final KeyFinder keyFinder;

  /** A reader that estimates missing modes with {@link KeyFinder#krumhanslKessler()}. */
  public BillboardReader() {
    this(KeyFinder.krumhanslKessler());
  }

  /** A reader that estimates missing modes with {@code keyFinder}. */
  public BillboardReader(KeyFinder keyFinder) {
    this.keyFinder = Preconditions.checkNotNull(keyFinder, "keyFinder");
  }

  /** The songs kept and the duplicates removed by {@link #removeDuplicates}. */
  public record Deduplication(ImmutableList<Song> kept, ImmutableList<Song> removed) {}

  /** Every chart slot with duplicates removed (see the class comment). */
  @Override
  public ReadResult<Song> read(Path folder, ReadMode mode) {
    ReadResult<Song> all = readAllChartSlots(folder, mode);
    Deduplication dedup = removeDuplicates(all.items());
    LOG.log(System.Logger.Level.DEBUG, "{0}: {1} chart slots, {2} duplicates removed, {3} songs", folder,
        all.items().size(), dedup.removed().size(), dedup.kept().size());
    return new ReadResult<>(dedup.kept(), all.problems());
  }

  /** Every chart slot, duplicates included, in id order. */
  public ReadResult<Song> readAllChartSlots(Path folder, ReadMode mode) {
    Preconditions.checkNotNull(folder, "folder");
    Preconditions.checkNotNull(mode, "mode");
    ProblemLog log = new ProblemLog(mode);
    Path slots = Files.isDirectory(folder.resolve(SLOTS_FOLDER)) ? folder.resolve(SLOTS_FOLDER) : folder;
    Map<Integer, Integer> years = readYears(folder.resolve(INDEX_FILE), log);
    Map<Integer, Path> cocopops = readCocopopsFiles(folder, log);
    Map<Path, ImmutableList<Key>> keysByFile = new HashMap<>();
    Map<String, Chord> chords = new HashMap<>();
    List<Song> songs = new ArrayList<>();
    for (Path file : TextFiles.find(slots, 3, name -> name.equals("salami_chords.txt"))) {
      String slot = slotName(file);
      Integer number = slotNumber(slot);
      List<Key> annotated = ImmutableList.of();
      if (number != null && cocopops.containsKey(number)) {
        annotated = keysByFile.computeIfAbsent(cocopops.get(number), p -> HumdrumKeys.keys(p, "**harm"));
      }
      OptionalInt year = number != null && years.containsKey(number) ? OptionalInt.of(years.get(number))
          : OptionalInt.empty();
      readOne(file, slot, year, annotated, chords, log).ifPresent(songs::add);
    }
    return ReadResult.of(songs, log.problems());
  }

  /** One {@code salami_chords.txt} file, without year or CoCoPops mode (the mode comes from {@link KeyFinder}). */
  @Override
  public ReadResult<Song> readFile(Path file, ReadMode mode) {
    Preconditions.checkNotNull(file, "file");
    ProblemLog log = new ProblemLog(mode);
    List<Song> songs = new ArrayList<>();
    readOne(file, slotName(file), OptionalInt.empty(), ImmutableList.of(), new HashMap<>(), log)
        .ifPresent(songs::add);
    return ReadResult.of(songs, log.problems());
  }

  /**
   * Keeps, for each title and artist (case-insensitive, spaces collapsed), the song with the lowest id; the songs
   * keep their order.
   */
  public static Deduplication removeDuplicates(List<Song> songs) {
    Map<String, Song> first = new LinkedHashMap<>();
    for (Song song : songs) {
      first.merge(titleArtistKey(song), song, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
    }
    ImmutableList.Builder<Song> kept = ImmutableList.builder();
    ImmutableList.Builder<Song> removed = ImmutableList.builder();
    for (Song song : songs) {
      if (first.get(titleArtistKey(song)) == song) {
        kept.add(song);
      } else {
        removed.add(song);
      }
    }
    return new Deduplication(kept.build(), removed.build());
  }

  private static String titleArtistKey(Song song) {
    return (song.title() + "\u0000" + song.artist()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private Optional<Song> readOne(Path file, String slot, OptionalInt year, List<Key> annotated,
      Map<String, Chord> chords, ProblemLog log) {
    try {
      SalamiChordsParser.Chart<Chord> chart =
          SalamiChordsParser.parse(file, log, label -> chords.computeIfAbsent(label, BillboardReader::chordOf));
      ChartAssembler.TimedChart<Chord> timed = ChartAssembler.assemble(chart.items(), Chord.NO_CHORD, log);
      if (timed.events().isEmpty()) {
        return Optional.empty(); // reported by the parser: no bars
      }
      ChordProgression progression = SongAssembly.progression(timed);
      SongAssembly.Keys keys = SongAssembly.keys(timed, progression, annotated, keyFinder);
      String id = "billboard:" + slot;
      String title = chart.title().isEmpty() ? slot : chart.title();
      return Optional.of(new Song(id, id, title, chart.artist(), year, Song.POP_ROCK, keys.key(),
          keys.source(), keys.changes(), progression, file, 0));
    } catch (CorpusFormatException e) {
      log.report(e);
      return Optional.empty();
    }
  }

  /** A McGill chord slot: a Harte label, or {@code *} / {@code &pause}, which are no-chord. */
  static Chord chordOf(String label) {
    if (label.equals("*") || label.equals("&pause")) {
      return Chord.NO_CHORD;
    }
    return ChordSymbols.parseHarte(label);
  }

  private static String slotName(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    String name = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    return name.isEmpty() ? file.getFileName().toString() : name.replace('@', '_');
  }

  private static Integer slotNumber(String slot) {
    try {
      return Integer.valueOf(slot);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Chart-slot id to the year of its chart date, from the index (tab-separated; rows without a title skipped). */
  private static Map<Integer, Integer> readYears(Path index, ProblemLog log) {
    Map<Integer, Integer> years = new HashMap<>();
    if (!Files.isRegularFile(index)) {
      return years;
    }
    ImmutableList<String> lines = TextFiles.readLines(index);
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split("\t", -1);
      if (fields.length < 5 || fields[4].isBlank()) {
        continue; // a chart slot that was not released
      }
      try {
        years.put(Integer.valueOf(fields[0].strip()), Integer.valueOf(fields[1].strip().substring(0, 4)));
      } catch (RuntimeException e) {
        log.report(new SourcePosition(index, i + 1, lines.get(i)),
            "expected an id and a chart date such as '3<TAB>1961-07-03<TAB>...'");
      }
    }
    return years;
  }

  /** Chart-slot id to its CoCoPops humdrum file, from {@code Billboard_Sample.tsv} (last column: the ids). */
  private static Map<Integer, Path> readCocopopsFiles(Path folder, ProblemLog log) {
    Path sample = folder.resolve(COCOPOPS_SAMPLE_FILE);
    Path data = folder.resolve(COCOPOPS_DATA_FOLDER);
    if (!Files.isRegularFile(sample) || !Files.isDirectory(data)) {
      return ImmutableMap.of();
    }
    Map<String, Path> byStem = new HashMap<>();
    for (Path p : TextFiles.find(data, 1, n -> n.endsWith(".harm") || n.endsWith(".hum"))) {
      String name = p.getFileName().toString();
      byStem.putIfAbsent(name.substring(0, name.indexOf('.')), p);
    }
    Map<Integer, Path> files = new HashMap<>();
    ImmutableList<String> lines = TextFiles.readLines(sample);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split("\t", -1);
      Path file = byStem.get(fields[0].strip());
      if (file == null) {
        continue; // listed but not present: the mode will be estimated
      }
      try {
        for (String id : fields[fields.length - 1].split(",")) {
          files.put(Integer.valueOf(id.strip()), file);
        }
      } catch (NumberFormatException e) {
        log.report(new SourcePosition(sample, i + 1, lines.get(i)),
            "expected the last column to list chart-slot ids such as '33, 73'");
      }
    }
    return files;
  }
}
