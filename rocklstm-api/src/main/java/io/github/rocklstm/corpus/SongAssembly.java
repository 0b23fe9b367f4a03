package io.github.rocklstm.corpus;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.MeterChange;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an assembled chart ({@link ChartAssembler.TimedChart}) into the parts of a {@link Song}: the
 * {@link ChordProgression} with its sections and metre changes, and the key with its changes.
 */
final class SongAssembly {

  private static final double EPSILON = 1e-9;

  private SongAssembly() {}

  /** The key at the start, where it comes from, and the later changes. */
  record Keys(Key key, KeySource source, ImmutableList<KeyChange> changes) {}

  /**
   * The progression: one {@link ChordEvent} per timed chord, a {@link Section} for each section start that has
   * events after it (labelled with the section label, or the McGill letter when the line has none; when two start
   * at the same event the later one wins), and the metres the bars have: the first bar's metre, and a
   * {@link MeterChange} wherever a bar's metre differs from the one before (bar-local metres such as McGill's
   * {@code (2/4)} included; of two at one event the later wins, and metres after the last event are dropped).
   */
  static ChordProgression progression(ChartAssembler.TimedChart<Chord> chart) {
    ImmutableList<ChordEvent> events = chart.events().stream()
        .map(e -> new ChordEvent(e.chord(), e.beats()))
        .collect(ImmutableList.toImmutableList());
    List<Section> sections = new ArrayList<>();
    for (ChartAssembler.SectionStart start : chart.sections()) {
      int event = eventAt(chart, start.startBeat());
      String label = start.label().isBlank() ? start.letter() : start.label();
      if (event >= events.size() || label.isBlank()) {
        continue;
      }
      if (!sections.isEmpty() && sections.get(sections.size() - 1).startEvent() == event) {
        sections.remove(sections.size() - 1);
      }
      sections.add(new Section(label, event));
    }
    // Metres by event: the first entry is the first bar's (event 0), each later one starts a bar in another metre.
    List<MeterChange> meters = new ArrayList<>();
    Meter opening = Meter.COMMON_TIME;
    for (ChartAssembler.TimedMeter bar : chart.barMeters()) {
      int event = eventAt(chart, bar.beat());
      if (event >= events.size()) {
        break;
      }
      if (event == 0) {
        opening = bar.time();
        meters.clear();
        continue;
      }
      if (!meters.isEmpty() && meters.get(meters.size() - 1).startEvent() == event) {
        meters.remove(meters.size() - 1);
      }
      Meter current = meters.isEmpty() ? opening : meters.get(meters.size() - 1).meter();
      if (!bar.time().equals(current)) {
        meters.add(new MeterChange(event, bar.time()));
      }
    }
    return new ChordProgression(events, opening, ImmutableList.copyOf(sections), ImmutableList.copyOf(meters));
  }

  /** The index of the first event that starts at or after {@code beat}; the event count when there is none. */
  static int eventAt(ChartAssembler.TimedChart<?> chart, double beat) {
    int i = 0;
    while (i < chart.events().size() && chart.events().get(i).startBeat() < beat - EPSILON) {
      i++;
    }
    return i;
  }

  /**
   * The keys of a chart whose tonics are annotated: for each tonic region, the mode of the first annotated key on
   * that tonic ({@code annotated}, e.g. the CoCoPops key interpretations of the same song), else the mode that
   * {@link KeyFinder} prefers for that tonic over the region's chords (the whole song's when the region has no
   * chords). A chart without any tonic gets {@link KeyFinder}'s key for the whole song ({@link KeySource#ESTIMATED},
   * C major when there are no chords at all).
   */
  static Keys keys(ChartAssembler.TimedChart<Chord> chart, ChordProgression progression, List<Key> annotated,
      KeyFinder finder) {
    ImmutableList<ChordEvent> events = progression.events();
    if (chart.tonics().isEmpty()) {
      Key key = finder.estimate(progression).map(KeyFinder.Estimate::key).orElse(Key.C_MAJOR);
      return new Keys(key, KeySource.ESTIMATED, ImmutableList.of());
    }
    double[] whole = KeyFinder.profileOf(events);
    List<KeyChange> changes = new ArrayList<>();
    Key first = null;
    KeySource firstSource = null;
    Key previous = null;
    for (int t = 0; t < chart.tonics().size(); t++) {
      ChartAssembler.TonicChange tonic = chart.tonics().get(t);
      int start = t == 0 ? 0 : eventAt(chart, tonic.beat());
      int end = t + 1 < chart.tonics().size() ? eventAt(chart, chart.tonics().get(t + 1).beat()) : events.size();
      if (t > 0 && (start >= events.size() || start == 0)) {
        continue; // a tonic line after the last chord (or before the first) changes nothing that sounds
      }
      Optional<Mode> mode = HumdrumKeys.modeOf(tonic.tonic(), annotated);
      KeySource source = mode.isPresent() ? KeySource.ANNOTATED : KeySource.MODE_ESTIMATED;
      if (mode.isEmpty()) {
        double[] region = KeyFinder.profileOf(events.subList(start, Math.max(start, end)));
        boolean silent = true;
        for (double v : region) {
          silent &= v == 0;
        }
        mode = Optional.of(finder.mode(tonic.tonic(), silent ? whole : region));
      }
      Key key = new Key(tonic.tonic(), mode.get());
      if (first == null) {
        first = key;
        firstSource = source;
      } else if (!key.equals(previous)) {
        if (!changes.isEmpty() && changes.get(changes.size() - 1).startEvent() == start) {
          changes.remove(changes.size() - 1);
        }
        changes.add(new KeyChange(start, key, source));
      }
      previous = key;
    }
    return new Keys(first, firstSource, ImmutableList.copyOf(changes));
  }
}
