package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;

/**
 * A chorale as {@link ChoraleTokenizer} encodes it: moved to C major or A minor, its tied notes merged, its notes
 * on the 16th-note grid and its fermatas one per frame (see {@link ChoraleTokenizer#prepare}).
 * {@code ChoraleTokenizer.decode(encode(c), originalKey(), chorale().meter(), chorale().pickup())} gives back
 * {@link #chorale()} moved back to the original key.
 *
 * @param chorale the prepared chorale, in C major or A minor; same id, title, meter and pickup as the original
 * @param originalKey the key the chorale was written in
 * @param semitones what was added to every pitch: {@code originalKey.semitonesToNormal()}, -5 to +6
 * @param report what preparation changed
 */
public record PreparedChorale(Chorale chorale, Key originalKey, int semitones, QuantisationReport report) {

  public PreparedChorale {
    Preconditions.checkNotNull(chorale, "chorale");
    Preconditions.checkNotNull(originalKey, "originalKey");
    Preconditions.checkNotNull(report, "report");
    Preconditions.checkArgument(semitones == originalKey.semitonesToNormal(),
        "semitones %s do not normalise %s (expected %s)", semitones, originalKey, originalKey.semitonesToNormal());
  }

  /** The chorale's id. */
  public String id() {
    return chorale.id();
  }
}
