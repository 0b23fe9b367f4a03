package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chord changes of a progression as {@link ChordStatistics} and {@link Novelty} count them: every event's chord
 * reduced to a {@link VocabularyLevel} (and optionally transposed), {@link Chord#NO_CHORD} and {@link Chord#UNKNOWN}
 * events removed (they have no pitch classes), then neighbours with equal chords merged into one change whose beats
 * are the sum. So at MAJMIN {@code C:maj(2) C:7(2) N(4) C:maj(4) G:maj(4)} has two changes, {@code C:maj} for 8 beats
 * and {@code G:maj} for 4.
 *
 * <p>Reducing a chord costs far more than looking it up, so each distinct chord is reduced (in all 12 transpositions)
 * once and cached; the cache is thread-safe.
 */
final class ChordChanges {

  private final VocabularyLevel level;
  /** Chord to its reduction transposed by 0..11 semitones. */
  private final ConcurrentHashMap<Chord, Chord[]> reduced = new ConcurrentHashMap<>();

  ChordChanges(VocabularyLevel level) {
    this.level = Preconditions.checkNotNull(level, "level");
  }

  VocabularyLevel level() {
    return level;
  }

  /** The changes of {@code progression} as it is. */
  ImmutableList<ChordEvent> of(ChordProgression progression) {
    return of(progression, 0);
  }

  /** The changes of {@code progression} moved by {@code semitones}. */
  ImmutableList<ChordEvent> of(ChordProgression progression, int semitones) {
    Preconditions.checkNotNull(progression, "progression");
    int shift = Math.floorMod(semitones, 12);
    List<ChordEvent> changes = new ArrayList<>();
    for (ChordEvent event : progression.events()) {
      if (!event.chord().isPitched()) {
        continue;
      }
      Chord chord = reduced.computeIfAbsent(event.chord(), this::transpositions)[shift];
      int last = changes.size() - 1;
      if (last >= 0 && changes.get(last).chord().equals(chord)) {
        changes.set(last, new ChordEvent(chord, changes.get(last).beats() + event.beats()));
      } else {
        changes.add(new ChordEvent(chord, event.beats()));
      }
    }
    return ImmutableList.copyOf(changes);
  }

  private Chord[] transpositions(Chord chord) {
    Chord reduction = chord.reduce(level);
    Chord[] all = new Chord[12];
    for (int semitones = 0; semitones < 12; semitones++) {
      all[semitones] = reduction.transpose(semitones);
    }
    return all;
  }
}
