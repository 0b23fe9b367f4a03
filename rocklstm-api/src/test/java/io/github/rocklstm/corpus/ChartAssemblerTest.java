package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bar-to-event rules, with chords as plain strings. */
class ChartAssemblerTest {

  private static final SourcePosition AT = new SourcePosition(Path.of("chart.txt"), 1, "");

  @Test
  void slotsShareTheBarDotsLengthenAndEmptyBarsHold() {
    List<ChartItem<String>> items = List.of(
        new ChartItem.MeterMark<>(new Meter(3, 4), AT),
        new ChartItem.SectionMark<>("A", "verse", AT),
        bar(new Meter(3, 4), "C", ".", "G"),
        bar(new Meter(3, 4)),
        new ChartItem.SectionMark<>("B", "chorus", AT),
        bar(new Meter(2, 4), ".", "F"),
        new ChartItem.MeterMark<>(new Meter(6, 8), AT),
        bar(new Meter(6, 8), "Am"));
    ChartAssembler.TimedChart<String> chart = ChartAssembler.assemble(items, "N", new ProblemLog(ReadMode.STRICT));
    assertEquals(List.of("C 0.0+2.0", "G 2.0+1.0", "G 3.0+3.0", "G 6.0+1.0", "F 7.0+1.0", "Am 8.0+2.0"),
        chart.events().stream().map(e -> e.chord() + " " + e.startBeat() + "+" + e.beats())
            .collect(Collectors.toList()));
    assertEquals(List.of(new ChartAssembler.SectionStart("A", "verse", 0), new ChartAssembler.SectionStart("B",
        "chorus", 6)), chart.sections());
    // The bar-local 2/4 is not a metre change; the 6/8 line is.
    assertEquals(List.of(new ChartAssembler.TimedMeter(new Meter(3, 4), 0),
        new ChartAssembler.TimedMeter(new Meter(6, 8), 8)), chart.meters());
    assertEquals(10, chart.totalBeats(), 1e-12);
  }

  @Test
  void aTonicChangeTakesEffectAtItsSlot() {
    List<ChartItem<String>> items = List.of(
        new ChartItem.TonicMark<>(PitchClass.A_SHARP, 0, AT),
        bar(Meter.COMMON_TIME, "Bb"),
        new ChartItem.TonicMark<>(PitchClass.B, 1, AT),
        bar(Meter.COMMON_TIME, "Bb", "F#7"),
        new ChartItem.TonicMark<>(PitchClass.B, 0, AT),
        bar(Meter.COMMON_TIME, "B"));
    ChartAssembler.TimedChart<String> chart = ChartAssembler.assemble(items, "N", new ProblemLog(ReadMode.STRICT));
    // The restated B is not a change.
    assertEquals(List.of(new ChartAssembler.TonicChange(PitchClass.A_SHARP, 0),
        new ChartAssembler.TonicChange(PitchClass.B, 6)), chart.tonics());
    assertEquals(2, SongAssembly.eventAt(chart, 6));
  }

  @Test
  void continuingBeforeAnyChordIsAProblem() {
    List<ChartItem<String>> dotFirst = List.of(bar(Meter.COMMON_TIME, ".", "C"));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> ChartAssembler.assemble(dotFirst, "N", new ProblemLog(ReadMode.STRICT)));
    assertTrue(e.problem().startsWith("'.' before any chord"), e.problem());
    ProblemLog log = new ProblemLog(ReadMode.LENIENT);
    List<ChartItem<String>> emptyFirst = List.of(bar(Meter.COMMON_TIME), bar(Meter.COMMON_TIME, "C"));
    ChartAssembler.TimedChart<String> chart = ChartAssembler.assemble(emptyFirst, "N", log);
    assertEquals(1, log.size());
    assertTrue(log.problems().get(0).problem().startsWith("empty bar before any chord"));
    assertEquals(List.of("N", "C"), chart.events().stream().map(ChartAssembler.Timed::chord)
        .collect(Collectors.toList()));
  }

  private static ChartItem.Bar<String> bar(Meter meter, String... slots) {
    List<Optional<String>> list = new ArrayList<>();
    for (String slot : slots) {
      list.add(slot.equals(".") ? Optional.empty() : Optional.of(slot));
    }
    return new ChartItem.Bar<>(meter, ImmutableList.copyOf(list), AT);
  }
}
