package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Key;

/**
 * A modulation: from event {@code startEvent} of the song's progression on, the music is in {@code key}. Placed by
 * event index, like {@link io.github.rocklstm.music.Section}, so that it survives any change of durations.
 *
 * @param startEvent the index of the first event in the new key, 1 or more (the key at event 0 is
 *     {@link Song#key()})
 * @param key the new key
 * @param source where the new key's tonic and mode come from
 */
public record KeyChange(int startEvent, Key key, KeySource source) {

  public KeyChange {
    Preconditions.checkArgument(startEvent >= 1, "a key change starts at event 1 or later, got %s", startEvent);
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(source, "source");
  }

  /** This change with its key moved by {@code semitones}. */
  public KeyChange transpose(int semitones) {
    return new KeyChange(startEvent, key.transpose(semitones), source);
  }
}
