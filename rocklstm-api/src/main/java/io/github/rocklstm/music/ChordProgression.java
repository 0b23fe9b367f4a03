package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of timed chords in a metre, with optional section labels. The first event starts on a downbeat
 * (readers pad or drop a pickup).
 *
 * @param events the chords in order, each with its duration in beats (possibly none)
 * @param meter the metre, which says how many beats a bar has
 * @param sections section starts in strictly increasing event order, each at an existing event
 */
public record ChordProgression(ImmutableList<ChordEvent> events, Meter meter, ImmutableList<Section> sections) {

  private static final double EPSILON = 1e-9;

  public ChordProgression {
    Preconditions.checkNotNull(events, "events");
    Preconditions.checkNotNull(meter, "meter");
    Preconditions.checkNotNull(sections, "sections");
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

  /** This progression with every chord moved by {@code semitones}. */
  public ChordProgression transpose(int semitones) {
    return new ChordProgression(
        events.stream().map(event -> event.transpose(semitones)).collect(ImmutableList.toImmutableList()), meter,
        sections);
  }

  /**
   * The events bar by bar ({@link Meter#beatsPerBar()} beats each): an event that crosses a bar line is split
   * into one piece per bar it sounds in, so every bar's durations add up to a full bar except perhaps the last.
   * Durations are compared with a tolerance of 1e-9 beats.
   */
  public ImmutableList<ImmutableList<ChordEvent>> bars() {
    double barLength = meter.beatsPerBar();
    ImmutableList.Builder<ImmutableList<ChordEvent>> bars = ImmutableList.builder();
    List<ChordEvent> bar = new ArrayList<>();
    double position = 0;
    for (ChordEvent event : events) {
      double remaining = event.beats();
      while (remaining > EPSILON) {
        double piece = Math.min(remaining, barLength - position);
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
