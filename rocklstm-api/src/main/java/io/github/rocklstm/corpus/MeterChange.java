package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Meter;

/**
 * A change of metre: from event {@code startEvent} on, bars have {@code meter}'s beats. Readers never let an event
 * cross a bar line and start every metre at a bar line, so with these changes the bar lines of a song are exact:
 * within a stretch of one metre, bars are consecutive runs of {@link Meter#beatsPerBar()} beats from the stretch's
 * first event. {@link io.github.rocklstm.music.ChordProgression#meter()} is the metre before the first change (the
 * metre the corpus names for the song); a bar-local metre (McGill's {@code | (2/4) E:min . |}) is a change there and
 * a change back after it.
 *
 * @param startEvent the index of the first event of the first bar in the new metre, 0 or more
 * @param meter the new metre
 */
public record MeterChange(int startEvent, Meter meter) {

  public MeterChange {
    Preconditions.checkArgument(startEvent >= 0, "a metre change starts at event 0 or later, got %s", startEvent);
    Preconditions.checkNotNull(meter, "meter");
  }
}
