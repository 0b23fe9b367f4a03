package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import java.util.Optional;

/**
 * One thing a bar-based chart file says, in file order, before the bars are turned into timed chord events:
 * a bar, a change of metre, a change of tonic, or the start of a section. The McGill, RS200 and jazz readers parse
 * into these and share one assembler.
 *
 * @param <C> what a chord slot holds once its label is interpreted (a chord; a string in structure-only tests)
 */
sealed interface ChartItem<C> {

  /** Where the item was written. */
  SourcePosition position();

  /**
   * A bar: its own time signature (the one in force, or a bar-local one such as McGill's {@code (2/4)}) and its
   * chord slots, which share the bar's beats equally. An empty slot ({@code Optional.empty()}) is a written
   * {@code .}: the previous chord continues through that slot. A bar with no slots at all (RS200's empty bar)
   * continues the previous chord through the whole bar.
   */
  record Bar<C>(Meter time, ImmutableList<Optional<C>> slots, SourcePosition position)
      implements ChartItem<C> {
    public Bar {
      Preconditions.checkNotNull(time, "time");
      Preconditions.checkNotNull(slots, "slots");
      Preconditions.checkNotNull(position, "position");
    }
  }

  /** From here on the music is in this metre. */
  record MeterMark<C>(Meter time, SourcePosition position) implements ChartItem<C> {
    public MeterMark {
      Preconditions.checkNotNull(time, "time");
      Preconditions.checkNotNull(position, "position");
    }
  }

  /**
   * From here on the tonic is this pitch class (the first one is the song's tonic; later ones modulate). It takes
   * effect at chord slot {@code slot} of the next bar: 0 for its start, more when a chart changes key mid-bar
   * (RS200's {@code | I [B] V7 |}).
   */
  record TonicMark<C>(PitchClass tonic, int slot, SourcePosition position) implements ChartItem<C> {
    public TonicMark {
      Preconditions.checkNotNull(tonic, "tonic");
      Preconditions.checkArgument(slot >= 0, "slot must be >= 0, was %s", slot);
      Preconditions.checkNotNull(position, "position");
    }
  }

  /** A section starts here: McGill's letter ({@code A}, {@code B'}; may be empty) and label ({@code verse}). */
  record SectionMark<C>(String letter, String label, SourcePosition position) implements ChartItem<C> {
    public SectionMark {
      Preconditions.checkNotNull(letter, "letter");
      Preconditions.checkNotNull(label, "label");
      Preconditions.checkNotNull(position, "position");
    }
  }
}
