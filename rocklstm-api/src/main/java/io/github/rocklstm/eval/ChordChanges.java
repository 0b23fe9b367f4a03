package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The chord changes of a progression as {@link ChordStatistics} and {@link Novelty} count them: every event's chord
 * reduced to a {@link VocabularyLevel}, {@link Chord#NO_CHORD} and {@link Chord#UNKNOWN} events removed (they have no
 * pitch classes), then neighbours with equal chords merged into one change whose beats are the sum. So at MAJMIN
 * {@code C:maj(2) C:7(2) N(4) C:maj(4) G:maj(4)} has two changes, {@code C:maj} for 8 beats and {@code G:maj} for 4.
 */
final class ChordChanges {

  private ChordChanges() {}

  static ImmutableList<ChordEvent> of(ChordProgression progression, VocabularyLevel level) {
    Preconditions.checkNotNull(progression, "progression");
    Preconditions.checkNotNull(level, "level");
    List<ChordEvent> changes = new ArrayList<>();
    for (ChordEvent event : progression.events()) {
      if (!event.chord().isPitched()) {
        continue;
      }
      Chord chord = event.chord().reduce(level);
      int last = changes.size() - 1;
      if (last >= 0 && changes.get(last).chord().equals(chord)) {
        changes.set(last, new ChordEvent(chord, changes.get(last).beats() + event.beats()));
      } else {
        changes.add(new ChordEvent(chord, event.beats()));
      }
    }
    return ImmutableList.copyOf(changes);
  }
}
