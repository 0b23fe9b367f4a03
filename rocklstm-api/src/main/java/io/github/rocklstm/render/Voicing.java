package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * The MIDI pitches a chord is played with, lowest first: the bass note, then the upper notes. Empty for silence
 * (no chord, or an unknown one).
 *
 * @param pitches MIDI note numbers 0 to 127, strictly ascending
 */
public record Voicing(ImmutableList<Integer> pitches) {

  /** No notes: how {@link io.github.rocklstm.music.Chord#NO_CHORD} and unknown chords are played. */
  public static final Voicing SILENT = new Voicing(ImmutableList.of());

  public Voicing {
    Preconditions.checkNotNull(pitches, "pitches");
    int previous = -1;
    for (int pitch : pitches) {
      Preconditions.checkArgument(pitch >= 0 && pitch <= 127, "MIDI pitches are 0 to 127, got %s in %s", pitch,
          pitches);
      Preconditions.checkArgument(pitch > previous, "a voicing's pitches must ascend strictly, got %s", pitches);
      previous = pitch;
    }
  }

  /** A voicing of these pitches, lowest first. */
  public static Voicing of(Integer... pitches) {
    return new Voicing(ImmutableList.copyOf(pitches));
  }

  /** Whether there are no notes. */
  public boolean isSilent() {
    return pitches.isEmpty();
  }

  /** The lowest note. @throws IllegalStateException when silent */
  public int bass() {
    Preconditions.checkState(!isSilent(), "a silent voicing has no bass");
    return pitches.get(0);
  }

  /** The notes above the bass (empty when silent). */
  public ImmutableList<Integer> upper() {
    return isSilent() ? pitches : pitches.subList(1, pitches.size());
  }
}
