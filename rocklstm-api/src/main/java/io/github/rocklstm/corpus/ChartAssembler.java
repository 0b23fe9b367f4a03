package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the {@link ChartItem}s of a bar-based chart into timed chord events.
 *
 * <p>Rules (shared by the McGill, RS200 and jazz readers):
 * <ul>
 *   <li>a bar lasts {@link Meter#beatsPerBar()} beats of its own time signature, shared equally among its
 *       chord slots;
 *   <li>a written chord starts an event; a {@code .} slot lengthens the event before it; a bar with no slots
 *       (RS200's empty bar) holds the previous chord for the whole bar;
 *   <li>events never cross a bar line: a chord held into the next bar (by {@code .} or an empty bar) or restated
 *       there ({@code | A:min | A:min |}) gives one event per bar, so that bar lines stay event boundaries.
 *       Merging equal neighbours is a tokenizer's choice, not the reader's;
 *   <li>a {@code .} or an empty bar before any chord is a problem (lenient mode: it becomes no-chord).
 * </ul>
 */
final class ChartAssembler {

  /** A chord from {@code startBeat} for {@code beats} beats; {@code position} is where it was written. */
  record Timed<C>(C chord, double startBeat, double beats, SourcePosition position) {}

  /** A section starting at {@code startBeat}. */
  record SectionStart(String letter, String label, double startBeat) {}

  /** The tonic becomes {@code tonic} at {@code beat}. */
  record TonicChange(PitchClass tonic, double beat) {}

  /** The metre becomes {@code time} at {@code beat}. */
  record TimedMeter(Meter time, double beat) {}

  /**
   * The assembled chart. {@code meters} are the metre lines ({@code # metre:}, {@code [3/4]}, {@code TimeSig}) in
   * force from a beat; {@code barMeters} are the metres bars actually have, one entry where a bar's metre differs
   * from the bar before (bar-local metres such as McGill's {@code (2/4)} included; the first bar always has one).
   */
  record TimedChart<C>(ImmutableList<Timed<C>> events, ImmutableList<SectionStart> sections,
      ImmutableList<TonicChange> tonics, ImmutableList<TimedMeter> meters, ImmutableList<TimedMeter> barMeters,
      double totalBeats) {

    /** The first tonic, if the chart names one. */
    Optional<PitchClass> firstTonic() {
      return tonics.isEmpty() ? Optional.empty() : Optional.of(tonics.get(0).tonic());
    }
  }

  private ChartAssembler() {}

  /**
   * Assembles the items; {@code noChord} stands in for a continuation that has nothing to continue (lenient).
   */
  static <C> TimedChart<C> assemble(List<ChartItem<C>> items, C noChord, ProblemLog log) {
    Preconditions.checkNotNull(noChord, "noChord");
    List<Timed<C>> events = new ArrayList<>();
    List<SectionStart> sections = new ArrayList<>();
    List<TonicChange> tonics = new ArrayList<>();
    List<TimedMeter> meters = new ArrayList<>();
    List<TimedMeter> barMeters = new ArrayList<>();
    List<ChartItem.TonicMark<C>> pendingTonics = new ArrayList<>();
    double beat = 0;
    C previous = null;
    for (ChartItem<C> item : items) {
      if (item instanceof ChartItem.MeterMark<C> mark) {
        if (meters.isEmpty() || !meters.get(meters.size() - 1).time().equals(mark.time())) {
          if (!meters.isEmpty() && meters.get(meters.size() - 1).beat() == beat) {
            meters.remove(meters.size() - 1);
          }
          meters.add(new TimedMeter(mark.time(), beat));
        }
      } else if (item instanceof ChartItem.TonicMark<C> mark) {
        pendingTonics.add(mark);
      } else if (item instanceof ChartItem.SectionMark<C> mark) {
        sections.add(new SectionStart(mark.letter(), mark.label(), beat));
      } else if (item instanceof ChartItem.Bar<C> bar) {
        if (barMeters.isEmpty() || !barMeters.get(barMeters.size() - 1).time().equals(bar.time())) {
          barMeters.add(new TimedMeter(bar.time(), beat));
        }
        double barBeats = bar.time().beatsPerBar();
        int slotCount = Math.max(1, bar.slots().size());
        double slotBeats = barBeats / slotCount;
        for (ChartItem.TonicMark<C> mark : pendingTonics) {
          addTonic(tonics, mark.tonic(), beat + Math.min(mark.slot(), slotCount) * slotBeats);
        }
        pendingTonics.clear();
        if (bar.slots().isEmpty()) {
          if (previous == null) {
            log.report(bar.position(), "empty bar before any chord (an empty bar continues the previous chord, "
                + "and there is none; expected a chord symbol first)");
            previous = noChord;
          }
          events.add(new Timed<>(previous, beat, barBeats, bar.position()));
        } else {
          Timed<C> current = null;
          for (Optional<C> slot : bar.slots()) {
            if (slot.isPresent()) {
              if (current != null) {
                events.add(current);
              }
              previous = slot.get();
              current = new Timed<>(previous, beat, slotBeats, bar.position());
            } else if (current != null) {
              current = new Timed<>(current.chord(), current.startBeat(), current.beats() + slotBeats,
                  bar.position());
            } else {
              if (previous == null) {
                log.report(bar.position(), "'.' before any chord ('.' continues the previous chord, and there is "
                    + "none; expected a chord symbol first)");
                previous = noChord;
              }
              current = new Timed<>(previous, beat, slotBeats, bar.position());
            }
            beat += slotBeats;
          }
          events.add(current);
          beat -= barBeats; // advanced slot by slot above; re-align exactly on the bar line below
        }
        beat += barBeats;
      }
    }
    for (ChartItem.TonicMark<C> mark : pendingTonics) {
      addTonic(tonics, mark.tonic(), beat);
    }
    return new TimedChart<>(ImmutableList.copyOf(events), ImmutableList.copyOf(sections),
        ImmutableList.copyOf(tonics), ImmutableList.copyOf(meters), ImmutableList.copyOf(barMeters), beat);
  }

  /** Adds a tonic change, dropping restatements of the tonic in force and replacing a change at the same beat. */
  private static void addTonic(List<TonicChange> tonics, PitchClass tonic, double beat) {
    if (!tonics.isEmpty()) {
      TonicChange last = tonics.get(tonics.size() - 1);
      if (last.beat() == beat) {
        tonics.remove(tonics.size() - 1);
      } else if (last.tonic() == tonic) {
        return;
      }
    }
    if (!tonics.isEmpty() && tonics.get(tonics.size() - 1).tonic() == tonic) {
      return;
    }
    tonics.add(new TonicChange(tonic, beat));
  }
}
