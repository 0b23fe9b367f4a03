package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of timed chords in a metre, with optional section labels and metre changes. The first event starts on
 * a downbeat (readers pad or drop a pickup).
 *
 * <p><b>Bars.</b> {@code meter} is the metre of the first bar; each {@link MeterChange} starts a new bar at its event
 * and gives the bars from there on its metre. Within a stretch of one metre, bars are consecutive runs of
 * {@link Meter#beatsPerBar()} beats from the stretch's first event ({@link #bars()}). The corpus readers start every
 * metre at a bar line, so their bars are all full except perhaps the last; a progression built otherwise may have a
 * short bar before a change.
 *
 * @param events the chords in order, each with its duration in beats (possibly none)
 * @param meter the metre of the first bar, which says how many beats a bar has until the first change
 * @param sections section starts in strictly increasing event order, each at an existing event
 * @param meterChanges later metres in strictly increasing event order, each at an existing event after the first
 *     and each different from the metre before it (so that equal bar structures compare equal)
 */
public record ChordProgression(ImmutableList<ChordEvent> events, Meter meter, ImmutableList<Section> sections,
    ImmutableList<MeterChange> meterChanges) {

  private static final double EPSILON = 1e-9;

  public ChordProgression {
    Preconditions.checkNotNull(events, "events");
    Preconditions.checkNotNull(meter, "meter");
    Preconditions.checkNotNull(sections, "sections");
    Preconditions.checkNotNull(meterChanges, "meterChanges");
    int previous = -1;
    for (Section section : sections) {
      Preconditions.checkArgument(section.startEvent() > previous,
          "sections must start at strictly increasing events; '%s' starts at event %s after one at event %s",
          section.label(), section.startEvent(), previous);
      Preconditions.checkArgument(section.startEvent() < events.size(),
          "section '%s' starts at event %s but the progression has %s events", section.label(),
          section.startEvent(), events.size());
      previous = section.startEvent();
    }
    previous = 0;
    Meter current = meter;
    for (MeterChange change : meterChanges) {
      Preconditions.checkArgument(change.startEvent() > previous,
          "metre changes must start at strictly increasing events after event 0; %s follows one at event %s",
          change, previous);
      Preconditions.checkArgument(change.startEvent() < events.size(),
          "metre change %s but the progression has %s events", change, events.size());
      Preconditions.checkArgument(!change.meter().equals(current),
          "metre change %s restates the metre in force (%s); leave it out", change, current);
      previous = change.startEvent();
      current = change.meter();
    }
  }

  /** A progression in one metre: {@code meter} throughout, no {@link MeterChange}s. */
  public ChordProgression(ImmutableList<ChordEvent> events, Meter meter, ImmutableList<Section> sections) {
    this(events, meter, sections, ImmutableList.of());
  }

  /** A progression in 4/4 without sections. */
  public static ChordProgression of(List<ChordEvent> events) {
    return new ChordProgression(ImmutableList.copyOf(events), Meter.COMMON_TIME, ImmutableList.of());
  }

  /** A progression without sections. */
  public static ChordProgression of(List<ChordEvent> events, Meter meter) {
    return new ChordProgression(ImmutableList.copyOf(events), meter, ImmutableList.of());
  }

  /** The chords, durations dropped. */
  public ImmutableList<Chord> chords() {
    return events.stream().map(ChordEvent::chord).collect(ImmutableList.toImmutableList());
  }

  /** The sum of the events' beats. */
  public double totalBeats() {
    double total = 0;
    for (ChordEvent event : events) {
      total += event.beats();
    }
    return total;
  }

  /**
   * The metre of the bar that event {@code eventIndex} starts in: {@link #meter()}, or that of the last
   * {@link MeterChange} at or before the event.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= eventIndex < events().size()}
   */
  public Meter meterAt(int eventIndex) {
    Preconditions.checkElementIndex(eventIndex, events.size(), "eventIndex");
    Meter current = meter;
    for (MeterChange change : meterChanges) {
      if (change.startEvent() > eventIndex) {
        break;
      }
      current = change.meter();
    }
    return current;
  }

  /** This progression with every chord moved by {@code semitones}; sections and metres stay. */
  public ChordProgression transpose(int semitones) {
    return new ChordProgression(
        events.stream().map(event -> event.transpose(semitones)).collect(ImmutableList.toImmutableList()), meter,
        sections, meterChanges);
  }

  /**
   * The events bar by bar (see the class comment): an event that crosses a bar line is split into one piece per
   * bar it sounds in, so every bar's durations add up to {@link Meter#beatsPerBar()} of its metre, except the last
   * bar and a bar cut short by a {@link MeterChange}. Durations are compared with a tolerance of 1e-9 beats.
   */
  public ImmutableList<ImmutableList<ChordEvent>> bars() {
    double barLength = meter.beatsPerBar();
    int nextChange = 0;
    ImmutableList.Builder<ImmutableList<ChordEvent>> bars = ImmutableList.builder();
    List<ChordEvent> bar = new ArrayList<>();
    double position = 0;
    for (int i = 0; i < events.size(); i++) {
      if (nextChange < meterChanges.size() && meterChanges.get(nextChange).startEvent() == i) {
        if (!bar.isEmpty()) {
          bars.add(ImmutableList.copyOf(bar));
          bar.clear();
        }
        barLength = meterChanges.get(nextChange++).meter().beatsPerBar();
        position = 0;
      }
      ChordEvent event = events.get(i);
      double remaining = event.beats();
      while (remaining > EPSILON) {
        double room = barLength - position;
        double piece = remaining <= room + EPSILON ? remaining : room; // no slivers from rounding error
        bar.add(piece == event.beats() ? event : new ChordEvent(event.chord(), piece));
        position += piece;
        remaining -= piece;
        if (position >= barLength - EPSILON) {
          bars.add(ImmutableList.copyOf(bar));
          bar.clear();
          position = 0;
        }
      }
    }
    if (!bar.isEmpty()) {
      bars.add(ImmutableList.copyOf(bar));
    }
    return bars.build();
  }
}
