package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads timed Harte chord labels ({@code .lab}, format in {@link LabParser}): the NYU MARL annotations of RWC-Pop
 * ({@code RWC_Pop_Chords/*.lab}) and uspop2002 ({@code uspopLabels/<artist>/<album>/*.lab}), or any folder of
 * {@code .lab} files.
 *
 * <p><b>Time.</b> The files time chords in seconds and there is no beat grid. Durations are converted to beats at
 * a fixed, assumed tempo of {@value #ASSUMED_BEATS_PER_MINUTE} bpm (beats = seconds x 2) in a nominal 4/4, so a
 * song keeps its exact relative timing and {@code beats / 2} gives the seconds back. The beats are therefore not
 * the song's real beats: a per-beat or per-bar tokenization of these songs is a time grid of 0.5 s, not a metrical
 * one; a changes-only tokenization is unaffected.
 *
 * <p><b>Songs.</b> Ids {@code rwc:N001-M01-T01} (genre {@value Song#POP}; title {@code RWC-MDB-P-2001 No. 1},
 * artist {@code RWC Music Database}), {@code uspop:<artist>/<album>/<file>} (genre {@value Song#POP_ROCK}; artist
 * and title from the folder and file names, underscores to spaces, words capitalised, track number dropped:
 * {@code abba/Arrival/02-Dancing_Queen.lab} is "Dancing Queen" by "Abba"), {@code lab:<relative path>} for other
 * folders. One event per segment. No year. The song lists {@code RWC_Pop_Chords.txt} and {@code uspopLabels.txt},
 * when present, are checked: a listed file that is missing is a problem.
 *
 * <p><b>Keys.</b> None is annotated: {@link KeyFinder} estimates tonic and mode ({@link KeySource#ESTIMATED}).
 *
 * <p><b>Lenient mode</b> skips a bad line, and a whole file only when it is not text or empty.
 */
public final class HarteLabReader implements CorpusReader {

  /** The tempo assumed to turn seconds into beats. */
  public static final double ASSUMED_BEATS_PER_MINUTE = 120;

  /** RWC-Pop labels, relative to the corpus folder {@code marl-rwc-uspop-chords/}. */
  public static final String RWC_FOLDER = "RWC_Pop_Chords";

  /** uspop2002 labels, relative to the corpus folder. */
  public static final String USPOP_FOLDER = "uspopLabels";

  private final KeyFinder keyFinder;

  /** A reader that estimates keys with {@link KeyFinder#krumhanslKessler()}. */
  public HarteLabReader() {
    this(KeyFinder.krumhanslKessler());
  }

  /** A reader that estimates keys with {@code keyFinder}. */
  public HarteLabReader(KeyFinder keyFinder) {
    this.keyFinder = Preconditions.checkNotNull(keyFinder, "keyFinder");
  }

  @Override
  public ReadResult<Song> read(Path folder, ReadMode mode) {
    Preconditions.checkNotNull(folder, "folder");
    Preconditions.checkNotNull(mode, "mode");
    ProblemLog log = new ProblemLog(mode);
    checkSongList(folder, RWC_FOLDER + ".txt", log);
    checkSongList(folder, USPOP_FOLDER + ".txt", log);
    Map<String, Chord> chords = new HashMap<>();
    List<Song> songs = new ArrayList<>();
    for (Path file : TextFiles.find(folder, 4, name -> name.endsWith(".lab"))) {
      readOne(file, folder.relativize(file), chords, log).ifPresent(songs::add);
    }
    return ReadResult.of(songs, log.problems());
  }

  @Override
  public ReadResult<Song> readFile(Path file, ReadMode mode) {
    Preconditions.checkNotNull(file, "file");
    ProblemLog log = new ProblemLog(mode);
    List<Song> songs = new ArrayList<>();
    readOne(file, file.getFileName(), new HashMap<>(), log).ifPresent(songs::add);
    return ReadResult.of(songs, log.problems());
  }

  private Optional<Song> readOne(Path file, Path relative, Map<String, Chord> chords, ProblemLog log) {
    try {
      ImmutableList<LabParser.Segment<Chord>> segments =
          LabParser.parse(file, log, label -> chords.computeIfAbsent(label, ChordSymbols::parseHarte));
      if (segments.isEmpty()) {
        return Optional.empty(); // reported by the parser
      }
      double beatsPerSecond = ASSUMED_BEATS_PER_MINUTE / 60;
      ImmutableList<ChordEvent> events = segments.stream()
          .map(s -> new ChordEvent(s.chord(), s.seconds() * beatsPerSecond))
          .collect(ImmutableList.toImmutableList());
      ChordProgression progression = new ChordProgression(events, Meter.COMMON_TIME, ImmutableList.of());
      Key key = keyFinder.estimate(progression).map(KeyFinder.Estimate::key).orElse(Key.C_MAJOR);
      Identity who = identify(relative);
      return Optional.of(new Song(who.id, who.id, who.title, who.artist, OptionalInt.empty(), who.genre, key,
          KeySource.ESTIMATED, ImmutableList.of(), progression, file, 0));
    } catch (CorpusFormatException e) {
      log.report(e);
      return Optional.empty();
    }
  }

  private record Identity(String id, String title, String artist, String genre) {}

  private static Identity identify(Path relative) {
    List<String> parts = new ArrayList<>();
    for (Path part : relative) {
      parts.add(part.toString().replace('@', '_'));
    }
    String file = parts.get(parts.size() - 1);
    String stem = file.endsWith(".lab") ? file.substring(0, file.length() - 4) : file;
    int rwc = parts.indexOf(RWC_FOLDER);
    int uspop = parts.indexOf(USPOP_FOLDER);
    if (rwc >= 0 && rwc == parts.size() - 2) {
      String number = stem.matches("N\\d{3}.*") ? String.valueOf(Integer.parseInt(stem.substring(1, 4))) : stem;
      return new Identity("rwc:" + stem, "RWC-MDB-P-2001 No. " + number, "RWC Music Database", Song.POP);
    }
    if (uspop >= 0 && uspop == parts.size() - 4) {
      String artist = humanize(parts.get(uspop + 1));
      String title = humanize(stem.replaceFirst("^\\d+[-_ ]+", ""));
      return new Identity("uspop:" + String.join("/", parts.subList(uspop + 1, parts.size() - 1)) + "/" + stem,
          title, artist, Song.POP_ROCK);
    }
    String path = String.join("/", parts.subList(0, parts.size() - 1));
    return new Identity("lab:" + (path.isEmpty() ? stem : path + "/" + stem), stem.replace('_', ' '), "",
        Song.UNKNOWN_GENRE);
  }

  /** {@code michael_jackson} to {@code Michael Jackson}. */
  private static String humanize(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : TextFiles.WHITESPACE.split(name.replace('_', ' ').strip())) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return out.toString();
  }

  /** A song list ({@code ./RWC_Pop_Chords/N001-M01-T01.lab} per line): every listed file must exist. */
  private static void checkSongList(Path folder, String listName, ProblemLog log) {
    Path list = folder.resolve(listName);
    if (!Files.isRegularFile(list)) {
      return;
    }
    ImmutableList<String> lines = TextFiles.readLines(list);
    for (int i = 0; i < lines.size(); i++) {
      String entry = lines.get(i).strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (!Files.isRegularFile(folder.resolve(entry).normalize())) {
        log.report(new SourcePosition(list, i + 1, entry), "listed file does not exist under " + folder
            + " (expected every listed .lab file to be present)");
      }
    }
  }
}
