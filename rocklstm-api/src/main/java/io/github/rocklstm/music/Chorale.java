package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A four-voice chorale: soprano, alto, tenor and bass lines of {@link Note}s, with key, time signature and bar
 * lines.
 *
 * <p><b>Time</b> is in exact {@link Note} ticks ({@value Note#TICKS_PER_QUARTER} per quarter) from the start
 * of the piece, which is the start of the pickup measure when there is one. <b>Rests are gaps</b>: each voice
 * is a list of non-overlapping notes sorted by start, and any span of {@code [0, totalDuration)} that no note
 * of a voice covers is a rest in that voice. {@code totalDuration} is kept explicitly so that rests at the end
 * (and the silent padding MusicXML puts into an incomplete last bar) survive.
 *
 * <p><b>Bar lines</b> are kept as {@code measureStarts}, the tick where each measure begins as written (the
 * first is 0). Scores do not always have bars of equal length: a pickup, a bar split in two at a repeat sign,
 * a shorter last bar, a change of meter. Keeping the bar lines lets a MusicXML round trip reproduce the
 * chorale exactly; {@link #of} makes regular bar lines for generated chorales. {@code meter} is the
 * opening time signature; later meter changes show only in the bar lengths.
 *
 * <p>{@code pickup} is the length of an opening anacrusis in ticks, 0 when the first bar is complete. When it
 * is not 0 it equals the length of the first measure.
 *
 * <p>Repeats are not unrolled: a chorale is its notes as written once, as BachBot read them.
 *
 * @param id a stable identifier, e.g. the file name without extension ({@code bwv269})
 * @param title the title, or the id when the source has none; not blank, surrounding whitespace is removed
 * @param key the key (from the key signature and mode)
 * @param meter the opening time signature
 * @param pickup length of the anacrusis in ticks, 0 if none
 * @param measureStarts start tick of each measure, strictly increasing from 0, all before {@code totalDuration}
 * @param totalDuration length of the piece in ticks (the end of the last measure)
 * @param soprano the soprano line
 * @param alto the alto line
 * @param tenor the tenor line
 * @param bass the bass line
 */
public record Chorale(
    String id,
    String title,
    Key key,
    Meter meter,
    int pickup,
    ImmutableList<Integer> measureStarts,
    int totalDuration,
    ImmutableList<Note> soprano,
    ImmutableList<Note> alto,
    ImmutableList<Note> tenor,
    ImmutableList<Note> bass) {

  public Chorale {
    Preconditions.checkNotNull(id, "id");
    Preconditions.checkArgument(!id.isBlank(), "id must not be blank");
    Preconditions.checkNotNull(title, "title");
    title = title.strip();
    Preconditions.checkArgument(!title.isEmpty(), "%s: title must not be blank (use the id when there is none)", id);
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(meter, "meter");
    Preconditions.checkNotNull(measureStarts, "measureStarts");
    Preconditions.checkArgument(totalDuration > 0, "%s: totalDuration must be > 0 ticks, was %s", id, totalDuration);
    Preconditions.checkArgument(pickup >= 0 && pickup < meter.barTicks(),
        "%s: pickup must be 0..%s ticks (shorter than a %s bar), was %s", id, meter.barTicks() - 1,
        meter, pickup);
    Preconditions.checkArgument(!measureStarts.isEmpty() && measureStarts.get(0) == 0,
        "%s: measureStarts must begin with 0, was %s", id, measureStarts);
    for (int i = 1; i < measureStarts.size(); i++) {
      Preconditions.checkArgument(measureStarts.get(i) > measureStarts.get(i - 1),
          "%s: measureStarts must increase strictly, but measure %s starts at %s after %s", id, i,
          measureStarts.get(i), measureStarts.get(i - 1));
    }
    Preconditions.checkArgument(measureStarts.get(measureStarts.size() - 1) < totalDuration,
        "%s: the last measure starts at %s, not before totalDuration %s", id,
        measureStarts.get(measureStarts.size() - 1), totalDuration);
    if (pickup > 0) {
      int firstMeasureEnd = measureStarts.size() > 1 ? measureStarts.get(1) : totalDuration;
      Preconditions.checkArgument(firstMeasureEnd == pickup,
          "%s: a pickup of %s ticks must be the whole first measure, which ends at %s", id, pickup, firstMeasureEnd);
    }
    checkLine(id, Voice.SOPRANO, soprano, totalDuration);
    checkLine(id, Voice.ALTO, alto, totalDuration);
    checkLine(id, Voice.TENOR, tenor, totalDuration);
    checkLine(id, Voice.BASS, bass, totalDuration);
  }

  private static void checkLine(String id, Voice voice, List<Note> line, int totalDuration) {
    Preconditions.checkNotNull(line, "%s line", voice);
    int previousEnd = 0;
    Note previous = null;
    for (Note note : line) {
      Preconditions.checkNotNull(note, "%s: null note in the %s line", id, voice);
      if (note.start() < previousEnd) {
        throw new IllegalArgumentException(id + ": the " + voice + " line must be sorted and monophonic, but "
            + note + " starts before " + previous + " ends");
      }
      previousEnd = note.end();
      previous = note;
    }
    Preconditions.checkArgument(previousEnd <= totalDuration, "%s: the %s line ends at %s, after totalDuration %s",
        id, voice, previousEnd, totalDuration);
  }

  /**
   * A chorale with regular bar lines: a pickup measure of {@code pickup} ticks when it is not 0, then full bars
   * of {@code meter}; the piece ends where its last note ends. Meant for generated chorales.
   */
  public static Chorale of(String id, String title, Key key, Meter meter, int pickup,
      List<Note> soprano, List<Note> alto, List<Note> tenor, List<Note> bass) {
    int end = Math.max(Math.max(lineEnd(soprano), lineEnd(alto)), Math.max(lineEnd(tenor), lineEnd(bass)));
    Preconditions.checkArgument(end > 0, "%s: a chorale needs at least one note", id);
    ImmutableList.Builder<Integer> starts = ImmutableList.builder();
    starts.add(0);
    int bar = meter.barTicks();
    for (long t = pickup > 0 ? pickup : bar; t < end; t += bar) {
      starts.add((int) t);
    }
    return new Chorale(id, title, key, meter, pickup, starts.build(), end, ImmutableList.copyOf(soprano),
        ImmutableList.copyOf(alto), ImmutableList.copyOf(tenor), ImmutableList.copyOf(bass));
  }

  private static int lineEnd(List<Note> line) {
    return line.isEmpty() ? 0 : line.get(line.size() - 1).end();
  }

  /** The line of {@code voice}. */
  public ImmutableList<Note> voice(Voice voice) {
    switch (voice) {
      case SOPRANO: return soprano;
      case ALTO: return alto;
      case TENOR: return tenor;
      case BASS: return bass;
      default: throw new AssertionError(voice);
    }
  }

  /** All four lines in SATB order. */
  public ImmutableMap<Voice, ImmutableList<Note>> voices() {
    Map<Voice, ImmutableList<Note>> map = new EnumMap<>(Voice.class);
    for (Voice v : Voice.values()) {
      map.put(v, voice(v));
    }
    return Maps.immutableEnumMap(map);
  }

  /** The number of notes in all four voices. */
  public int noteCount() {
    return soprano.size() + alto.size() + tenor.size() + bass.size();
  }

  /** The number of measures as written (the pickup counts as one). */
  public int measureCount() {
    return measureStarts.size();
  }

  /**
   * The ticks at which a note with a fermata starts, in any voice, ascending and without repeats. Fermatas
   * mark the ends of chorale phrases; usually all four voices have one at the same tick.
   */
  public ImmutableSortedSet<Integer> fermataPositions() {
    ImmutableSortedSet.Builder<Integer> positions = ImmutableSortedSet.naturalOrder();
    for (Voice v : Voice.values()) {
      for (Note note : voice(v)) {
        if (note.fermata()) {
          positions.add(note.start());
        }
      }
    }
    return positions.build();
  }

  /**
   * This chorale moved by {@code semitones}: every note and the key.
   *
   * @throws IllegalArgumentException naming the voice and note when a pitch would leave the MIDI range
   */
  public Chorale transpose(int semitones) {
    if (semitones == 0) {
      return this;
    }
    return new Chorale(id, title, key.transpose(semitones), meter, pickup, measureStarts, totalDuration,
        transposeLine(Voice.SOPRANO, soprano, semitones), transposeLine(Voice.ALTO, alto, semitones),
        transposeLine(Voice.TENOR, tenor, semitones), transposeLine(Voice.BASS, bass, semitones));
  }

  private ImmutableList<Note> transposeLine(Voice voice, List<Note> line, int semitones) {
    ImmutableList.Builder<Note> moved = ImmutableList.builderWithExpectedSize(line.size());
    for (Note note : line) {
      try {
        moved.add(note.transpose(semitones));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(id + ", " + voice + ": " + e.getMessage(), e);
      }
    }
    return moved.build();
  }

  /** {@code bwv269 (G, 3/4, pickup 10080, 17 measures, 187 notes)}. */
  @Override
  public String toString() {
    return id + " (" + key + ", " + meter + (pickup > 0 ? ", pickup " + pickup : "") + ", "
        + measureStarts.size() + " measures, " + noteCount() + " notes)";
  }
}
