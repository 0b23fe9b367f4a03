package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.RomanNumeral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the RS200 rock corpus (de Clercq and Temperley, v2.1): the expanded analyses
 * {@code rs200_harmony_exp/<song>_<analyst>.txt} (format in {@link Rs200ChartParser}), both analysts.
 *
 * <p><b>Songs.</b> One song per analysis: id {@code rs200:<song>:<analyst>} ({@code dt} = David Temperley,
 * {@code tdc} = Trevor de Clercq), work id {@code rs200:<song>}, so the two analyses of a song fall in the same
 * {@link Split}. Title, artist and year from {@code rs200.txt} (four songs are listed under other spellings, see
 * {@link #LIST_NAMES}; an analysis missing from the list is a problem); genre from {@code rs200_genre_heuristic.tsv}
 * (an artist-level judgement, see the corpus README), {@value Song#UNKNOWN_GENRE} without it. Chords: the roman
 * numeral read with {@link RomanNumeral#parse} and placed with {@link RomanNumeral#toChord} on the major key of the
 * tonic in force (RS200 counts degrees along the major scale whatever the mode); {@code R} is no-chord. No sections
 * (the expanded files have none).
 *
 * <p><b>Keys.</b> {@code [G]} markers give the tonic, also mid-song (66 of 400 analyses modulate): the first is
 * the song's key, later ones {@link KeyChange}s. RS200 annotates no mode. The mode comes from the CoCoPops humdrum
 * version ({@code cocopops_humdrum/Data/<Filename>.hum}, matched through the {@code Filename} and
 * {@code v21_basename} columns of {@code rs200_genre_heuristic.tsv}): the first {@code **kern} key interpretation
 * on the same tonic ({@code *E:}, {@code *E:mix} major; {@code *e:}, {@code *e:dor} minor). Without one,
 * {@link KeyFinder} picks the mode for the annotated tonic.
 *
 * <p><b>Lenient mode</b> skips a bad bar (the files have one line per song), and a whole file only when it is not
 * text or empty.
 */
public final class Rs200Reader implements CorpusReader {

  /** The expanded analyses, relative to the corpus folder {@code rs200-rock-corpus/}. */
  public static final String ANALYSES_FOLDER = "original_v2.1/rs200_harmony_exp";

  /** Title, artist and year per song, relative to the corpus folder. */
  public static final String SONG_LIST_FILE = "original_v2.1/rs200.txt";

  /** Genre heuristic and CoCoPops file names, relative to the corpus folder. */
  public static final String GENRE_FILE = "rs200_genre_heuristic.tsv";

  /** The CoCoPops humdrum files, relative to the corpus folder. */
  public static final String COCOPOPS_DATA_FOLDER = "cocopops_humdrum/Data";

  private final KeyFinder keyFinder;

  /** A reader that estimates missing modes with {@link KeyFinder#krumhanslKessler()}. */
  public Rs200Reader() {
    this(KeyFinder.krumhanslKessler());
  }

  /** A reader that estimates missing modes with {@code keyFinder}. */
  public Rs200Reader(KeyFinder keyFinder) {
    this.keyFinder = Preconditions.checkNotNull(keyFinder, "keyFinder");
  }

  /**
   * The four songs whose expanded files are named differently from their entries in {@code rs200.txt} and
   * {@code rs200_genre_heuristic.tsv} (which follow the original {@code .har} names): file basename to list name.
   */
  static final ImmutableMap<String, String> LIST_NAMES = ImmutableMap.of(
      "brown-eyed_girl", "brown_eyed_girl",
      "blue_suede_shoes", "blue_suede_shoes_perkins",
      "georgia_on_my_mind", "georgia_on_my_miind",
      "in_the_still_of_the_night", "in_the_still_of_the_nite");

  private record SongInfo(String title, String artist, OptionalInt year) {}

  @Override
  public ReadResult<Song> read(Path folder, ReadMode mode) {
    Preconditions.checkNotNull(folder, "folder");
    Preconditions.checkNotNull(mode, "mode");
    ProblemLog log = new ProblemLog(mode);
    Path analyses = Files.isDirectory(folder.resolve(ANALYSES_FOLDER)) ? folder.resolve(ANALYSES_FOLDER) : folder;
    Map<String, SongInfo> infos = readSongList(folder.resolve(SONG_LIST_FILE), log);
    Map<String, String> genres = new HashMap<>();
    Map<String, String> cocopopsNames = new HashMap<>();
    readGenres(folder.resolve(GENRE_FILE), genres, cocopopsNames, log);
    Path cocopops = folder.resolve(COCOPOPS_DATA_FOLDER);
    Map<String, Chord> chords = new HashMap<>();
    Map<Path, ImmutableList<Key>> keysByFile = new HashMap<>();
    List<Song> songs = new ArrayList<>();
    for (Path file : TextFiles.find(analyses, 1, name -> name.endsWith(".txt"))) {
      String[] name = splitName(file);
      String listName = LIST_NAMES.getOrDefault(name[0], name[0]);
      if (!infos.isEmpty() && !infos.containsKey(listName)) {
        log.report(SourcePosition.wholeFile(file), "no entry '" + listName + "' in " + SONG_LIST_FILE
            + " (expected every analysis to be listed with title, artist and year)");
      }
      List<Key> annotated = ImmutableList.of();
      String cocopopsName = cocopopsNames.get(listName);
      if (cocopopsName != null && Files.isRegularFile(cocopops.resolve(cocopopsName + ".hum"))) {
        annotated = keysByFile.computeIfAbsent(cocopops.resolve(cocopopsName + ".hum"),
            p -> HumdrumKeys.keys(p, "**kern"));
      }
      SongInfo info = infos.getOrDefault(listName, new SongInfo(name[0], "", OptionalInt.empty()));
      String genre = genres.getOrDefault(listName, Song.UNKNOWN_GENRE);
      readOne(file, name, info, genre, annotated, chords, log).ifPresent(songs::add);
    }
    return ReadResult.of(songs, log.problems());
  }

  /** One analysis, without song list, genre or CoCoPops mode (the mode comes from {@link KeyFinder}). */
  @Override
  public ReadResult<Song> readFile(Path file, ReadMode mode) {
    Preconditions.checkNotNull(file, "file");
    ProblemLog log = new ProblemLog(mode);
    String[] name = splitName(file);
    List<Song> songs = new ArrayList<>();
    readOne(file, name, new SongInfo(name[0], "", OptionalInt.empty()), Song.UNKNOWN_GENRE, ImmutableList.of(),
        new HashMap<>(), log).ifPresent(songs::add);
    return ReadResult.of(songs, log.problems());
  }

  private Optional<Song> readOne(Path file, String[] name, SongInfo info, String genre, List<Key> annotated,
      Map<String, Chord> chords, ProblemLog log) {
    try {
      ImmutableList<ChartItem<Chord>> items = Rs200ChartParser.parse(file, log,
          (label, tonic) -> chordOf(label, tonic, chords));
      ChartAssembler.TimedChart<Chord> timed = ChartAssembler.assemble(items, Chord.NO_CHORD, log);
      if (timed.events().isEmpty()) {
        return Optional.empty(); // reported by the parser: no bars
      }
      ChordProgression progression = SongAssembly.progression(timed);
      SongAssembly.Keys keys = SongAssembly.keys(timed, progression, annotated, keyFinder);
      String workId = "rs200:" + name[0];
      String id = name[1].isEmpty() ? workId : workId + ":" + name[1];
      return Optional.of(new Song(id, workId, info.title(), info.artist(), info.year(), genre, keys.key(),
          keys.source(), keys.changes(), progression, file, 0));
    } catch (CorpusFormatException e) {
      log.report(e);
      return Optional.empty();
    }
  }

  /** An RS200 chord symbol in a key: {@code R} is no-chord, anything else a roman numeral on the tonic's major. */
  static Chord chordOf(String label, PitchClass tonic, Map<String, Chord> chords) {
    if (label.equals("R")) {
      return Chord.NO_CHORD;
    }
    return chords.computeIfAbsent(label + " " + tonic.name(), k -> RomanNumeral.parse(label).toChord(Key.major(tonic)));
  }

  /** {@code a_hard_days_night_dt.txt} to {@code [a_hard_days_night, dt]}; no analyst suffix gives {@code ""}. */
  private static String[] splitName(Path file) {
    String stem = file.getFileName().toString().replace('@', '_');
    stem = stem.endsWith(".txt") ? stem.substring(0, stem.length() - 4) : stem;
    for (String analyst : new String[] {"_dt", "_tdc"}) {
      if (stem.endsWith(analyst) && stem.length() > analyst.length()) {
        return new String[] {stem.substring(0, stem.length() - analyst.length()), analyst.substring(1)};
      }
    }
    return new String[] {stem, ""};
  }

  /** {@code rs200.txt}: basename, rank, title, artist, year, subset mark (tab-separated). */
  private static Map<String, SongInfo> readSongList(Path file, ProblemLog log) {
    Map<String, SongInfo> infos = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return infos;
    }
    ImmutableList<String> lines = TextFiles.readLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String[] fields = lines.get(i).split("\t", -1);
      if (fields.length < 5 || fields[0].isBlank()) {
        continue; // the blank last row
      }
      OptionalInt year = OptionalInt.empty();
      try {
        year = OptionalInt.of(Integer.parseInt(fields[4].strip()));
      } catch (NumberFormatException e) {
        log.report(new SourcePosition(file, i + 1, lines.get(i)), "year '" + fields[4]
            + "' is not a number (expected basename, rank, title, artist, year separated by tabs)");
      }
      infos.put(fields[0].strip(), new SongInfo(fields[2].strip(), fields[3].strip(), year));
    }
    return infos;
  }

  /** {@code rs200_genre_heuristic.tsv}: Filename, v21_basename, Artist, Title, Year, RSRank, genre_heuristic. */
  private static void readGenres(Path file, Map<String, String> genres, Map<String, String> cocopopsNames,
      ProblemLog log) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    ImmutableList<String> lines = TextFiles.readLines(file);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split("\t", -1);
      if (fields.length < 7) {
        log.report(new SourcePosition(file, i + 1, lines.get(i)), fields.length + " columns (expected 7: Filename, "
            + "v21_basename, Artist, Title, Year, RSRank, genre_heuristic)");
        continue;
      }
      genres.put(fields[1].strip(), fields[6].strip());
      cocopopsNames.put(fields[1].strip(), fields[0].strip());
    }
  }
}
