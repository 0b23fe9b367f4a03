package io.github.rocklstm.eval;

import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import java.util.ArrayList;
import java.util.List;

/** Test-only: progressions written as {@code "C:maj*4 G:maj*4 N*2"} (Harte label, {@code *}, beats). */
final class Charts {

  private Charts() {}

  static ChordProgression chart(String text) {
    List<ChordEvent> events = new ArrayList<>();
    for (String item : text.trim().split("\\s+")) {
      int star = item.lastIndexOf('*');
      events.add(new ChordEvent(ChordSymbols.parseHarte(item.substring(0, star)),
          Double.parseDouble(item.substring(star + 1))));
    }
    return ChordProgression.of(events);
  }

  static KeyedProgression keyed(String id, String key, String text) {
    return new KeyedProgression(id, Key.parse(key), chart(text));
  }
}
