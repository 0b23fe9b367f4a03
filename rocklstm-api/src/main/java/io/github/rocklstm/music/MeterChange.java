package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A change of metre inside a {@link ChordProgression}: from event {@code startEvent} on, bars have {@code meter}'s
 * beats ({@link Meter#beatsPerBar()}), and a new bar starts at that event. Placed by event index, like
 * {@link Section}. A bar-local metre (McGill's {@code | (2/4) E:min . |}) is a change there and a change back after
 * it; the metre of the first bar is {@link ChordProgression#meter()}, so a change starts at event 1 or later.
 *
 * @param startEvent the index of the first event in the new metre, 1 or more
 * @param meter the new metre
 */
public record MeterChange(int startEvent, Meter meter) {

  public MeterChange {
    Preconditions.checkArgument(startEvent >= 1,
        "a metre change starts at event 1 or later (the first bar's metre is the progression's metre), got %s",
        startEvent);
    Preconditions.checkNotNull(meter, "meter");
  }

  /** {@code 2/4 from event 52}. */
  @Override
  public String toString() {
    return meter + " from event " + startEvent;
  }
}
