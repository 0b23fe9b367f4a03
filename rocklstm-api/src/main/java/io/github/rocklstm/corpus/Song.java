package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * One song of a chord corpus: metadata, key and the timed chord progression.
 *
 * <p><b>Ids.</b> {@code id} is stable and derived from the source: {@code billboard:0003} (McGill chart-slot
 * folder), {@code rs200:a_hard_days_night:dt} (RS200 file basename and analyst), {@code rwc:N001-M01-T01},
 * {@code uspop:abba/Arrival/02-Dancing_Queen}, {@code jazz:AllTheThingsYouAre}. {@code workId} names the piece:
 * equal to {@code id} except that RS200's two analyses of a song share {@code rs200:a_hard_days_night}. The
 * {@link Split} is by work id, so all versions of a piece land in the same part. A transposed copy
 * ({@link #transpose}) gets the id of the song as read plus {@code @} and the signed shift ({@code @+3},
 * {@code @-5}, {@code @+0}) and keeps the work id.
 *
 * <p><b>Genre</b> is a lower-case string: {@value #POP_ROCK} for McGill Billboard (Hot 100 mix) and uspop2002,
 * {@value #POP} for RWC-Pop (Japanese pop), {@value #JAZZ} for the jazz charts, and for RS200 the artist-level
 * heuristic of {@code rs200_genre_heuristic.tsv} ({@code rock}, {@code rocknroll_1950s},
 * {@code soul_rnb_funk_doowop}, {@code folk_country_songwriter}, {@code pop_disco}, {@code hiphop},
 * {@code reggae}), or {@value #UNKNOWN_GENRE}.
 *
 * <p><b>Year</b> is an {@link OptionalInt}: the chart date's year (McGill index), the release year (RS200), absent
 * for RWC, uspop and jazz charts.
 *
 * <p><b>Key</b> is always present: annotated where the corpus has it, else estimated with {@link KeyFinder};
 * {@code keySource} says which. {@code key} is the key at the start; {@code keyChanges} are later modulations.
 *
 * <p><b>Metre</b> lives in the progression: {@link ChordProgression#meter()} is the first bar's metre and
 * {@link ChordProgression#meterChanges()} are the later metres and bar-local metres, so that
 * {@link ChordProgression#bars()} gives the bar lines exactly as the corpus writes them.
 *
 * @param id stable id (see above), no {@code @} except for the transposition suffix
 * @param workId the piece this is a version of (see above)
 * @param title title as the corpus writes it (the file name when the corpus gives none)
 * @param artist artist or composer as the corpus writes it, possibly empty
 * @param year year, if known
 * @param genre genre (see above)
 * @param key the key at the start
 * @param keySource where {@code key} comes from
 * @param keyChanges modulations, in strictly increasing event order
 * @param progression the chords with durations in beats, the metres and the sections
 * @param source the file the song was read from
 * @param transposition semitones this song was moved from the file's key, -5..+6 (0 as read)
 */
public record Song(String id, String workId, String title, String artist, OptionalInt year, String genre, Key key,
    KeySource keySource, ImmutableList<KeyChange> keyChanges, ChordProgression progression, Path source,
    int transposition) {

  /** Genre of McGill Billboard and uspop2002 songs. */
  public static final String POP_ROCK = "pop-rock";
  /** Genre of RWC-Pop songs. */
  public static final String POP = "pop";
  /** Genre of the jazz charts. */
  public static final String JAZZ = "jazz";
  /** Genre of a song whose corpus gives none. */
  public static final String UNKNOWN_GENRE = "unknown";

  public Song {
    Preconditions.checkNotNull(id, "id");
    Preconditions.checkArgument(!id.isBlank(), "a song id must not be blank");
    Preconditions.checkNotNull(workId, "workId");
    Preconditions.checkArgument(!workId.isBlank(), "a work id must not be blank");
    Preconditions.checkNotNull(title, "title");
    Preconditions.checkNotNull(artist, "artist");
    Preconditions.checkNotNull(year, "year");
    Preconditions.checkNotNull(genre, "genre");
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(keySource, "keySource");
    Preconditions.checkNotNull(keyChanges, "keyChanges");
    Preconditions.checkNotNull(progression, "progression");
    Preconditions.checkNotNull(source, "source");
    Preconditions.checkArgument(transposition >= -5 && transposition <= 6, "transposition must be -5..6, got %s",
        transposition);
    int previous = 0;
    for (KeyChange change : keyChanges) {
      Preconditions.checkArgument(change.startEvent() > previous && change.startEvent() < progression.events().size(),
          "key changes must start at strictly increasing events within the %s events of %s; got %s",
          progression.events().size(), id, keyChanges);
      previous = change.startEvent();
    }
  }

  /** The metre of the song's first bar ({@link ChordProgression#meter()}; later ones are the progression's). */
  public Meter meter() {
    return progression.meter();
  }

  /** The id of the song as read, without a transposition suffix. */
  public String sourceId() {
    int at = id.lastIndexOf('@');
    return at < 0 ? id : id.substring(0, at);
  }

  /**
   * This song moved by {@code semitones} (any integer; taken modulo 12 into -5..+6 relative to the song as read):
   * chords, key and key changes move, the id becomes {@code sourceId@+n}, the work id stays.
   */
  public Song transpose(int semitones) {
    int total = Math.floorMod(transposition + semitones, 12);
    if (total > 6) {
      total -= 12;
    }
    int shift = total - transposition;
    String suffix = (total >= 0 ? "+" : "") + total;
    return new Song(sourceId() + "@" + suffix, workId, title, artist, year, genre, key.transpose(shift), keySource,
        keyChanges.stream().map(c -> c.transpose(shift)).collect(ImmutableList.toImmutableList()),
        progression.transpose(shift), source, total);
  }

  /** {@code billboard:0003 "I Don't mind" (James Brown), C, 6/8, 132 events}. */
  @Override
  public String toString() {
    return id + " \"" + title + "\" (" + artist + "), " + key + ", " + meter() + ", " + progression.events().size()
        + " events";
  }
}
