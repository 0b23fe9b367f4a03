package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Meter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusTest {

  @Test
  void bucketsAreTheSha256OfSaltAndWorkId() {
    // Computed with Python: int.from_bytes(sha256(b"rocklstm-split-21:" + id).digest()[:8], "big") % 100
    assertEquals(83, Split.bucket("billboard:0003"));
    assertEquals(54, Split.bucket("rs200:a_hard_days_night"));
    assertEquals(0, Split.bucket("jazz:BlueBossa"));
    assertEquals(32, Split.bucket("billboard:0033"));
    assertEquals(Split.VALID, Split.of("billboard:0003"));
    assertEquals(Split.TRAIN, Split.of("jazz:BlueBossa"));
  }

  @Test
  void splitIsTheSameTwiceUnderShuffledOrderAndForSubsets() {
    List<Song> songs = new ArrayList<>(TestCorpora.billboardDeduplicated().kept());
    Map<Split, Set<String>> first = ids(Corpus.of("billboard", songs));
    assertEquals(first, ids(Corpus.of("billboard", songs)));
    Collections.shuffle(songs, new Random(7));
    assertEquals(first, ids(Corpus.of("billboard", songs)));
    // A song's part does not depend on which other songs are there.
    Corpus firstHundred = Corpus.of("some", songs.subList(0, 100));
    for (Map.Entry<Split, Set<String>> part : ids(firstHundred).entrySet()) {
      assertTrue(first.get(part.getKey()).containsAll(part.getValue()), part.getKey().toString());
    }
  }

  @Test
  void partsAreWithinThreePointsOf80_10_10() {
    // Measured counts (train, valid, test): McGill 576/79/84 of 739, RS200 by song 160/18/22 of 200,
    // RWC/uspop 234/26/35 of 295, jazz 2103/245/266 of 2614.
    assertParts(Corpus.of("billboard", TestCorpora.billboardDeduplicated().kept()), 576, 79, 84);
    assertParts(Corpus.of("rwc-uspop", TestCorpora.harte().items()), 234, 26, 35);
    assertParts(Corpus.of("jazz", TestCorpora.jazz().items()), 2103, 245, 266);
    // RS200 has two analyses per song: 320/36/44 analyses, the same proportions.
    assertParts(Corpus.of("rs200", TestCorpora.rs200().items()), 320, 36, 44);
  }

  @Test
  void bothRs200AnalystsLandInTheSamePart() {
    Map<String, Set<Split>> parts = new HashMap<>();
    Corpus corpus = Corpus.of("rs200", TestCorpora.rs200().items());
    for (Map.Entry<Split, Corpus> part : corpus.split().entrySet()) {
      for (Song song : part.getValue().songs()) {
        parts.computeIfAbsent(song.workId(), w -> new HashSet<>()).add(part.getKey());
      }
    }
    assertEquals(200, parts.size());
    parts.forEach((work, splits) -> assertEquals(1, splits.size(), work));
    assertEquals(corpus.size(), corpus.train().size() + corpus.valid().size() + corpus.test().size());
  }

  @Test
  void noBillboardSongIsInTwoParts() {
    Corpus deduplicated = Corpus.of("billboard", TestCorpora.billboardDeduplicated().kept());
    Map<String, Split> partOfSong = new HashMap<>();
    for (Map.Entry<Split, Corpus> part : deduplicated.split().entrySet()) {
      for (Song song : part.getValue().songs()) {
        Split before = partOfSong.put(titleArtist(song), part.getKey());
        assertTrue(before == null, song + " also in " + before);
      }
    }
    // Without deduplication 53 of the 151 repeated chart slots would sit in another part than their first slot.
    long straddling = TestCorpora.billboardDeduplicated().removed().stream()
        .filter(s -> Split.of(s.workId()) != partOfSong.get(titleArtist(s))).count();
    assertEquals(53, straddling);
  }

  @Test
  void metreChangesMakeEveryBarLineExact() {
    List<Integer> songsWithChanges = new ArrayList<>();
    for (ReadResult<Song> corpus : List.of(TestCorpora.billboardAllSlots(), TestCorpora.rs200(), TestCorpora.jazz())) {
      int withChanges = 0;
      for (Song song : corpus.items()) {
        ChordProgression progression = song.progression();
        if (!progression.meterChanges().isEmpty()) {
          withChanges++;
        }
        // No event crosses a bar line (bars() splits none), and every bar, the last included, is full in its metre.
        int event = 0;
        for (List<ChordEvent> bar : progression.bars()) {
          Meter meter = progression.meterAt(event);
          for (ChordEvent piece : bar) {
            assertEquals(progression.events().get(event++), piece, song + ": event " + (event - 1)
                + " crosses a bar line");
          }
          assertEquals(meter.beatsPerBar(), bar.stream().mapToDouble(ChordEvent::beats).sum(), 1e-9,
              song + ": bar before event " + event + " is not a full bar of " + meter);
        }
        assertEquals(progression.events().size(), event, song.toString());
      }
      songsWithChanges.add(withChanges);
    }
    // Songs with a metre change or a bar-local metre (McGill chart slots, RS200 analyses, jazz charts), as grep
    // counts files with a second metre line or a bar-local metre.
    assertEquals(List.of(151, 66, 0), songsWithChanges);
  }

  @Test
  void duplicateIdsAreRejected() {
    Song song = TestCorpora.rs200().items().get(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Corpus.of("twice", List.of(song, song)));
    assertTrue(e.getMessage().contains(song.id()), e.getMessage());
  }

  private static void assertParts(Corpus corpus, int train, int valid, int test) {
    Map<Split, Corpus> parts = corpus.split();
    assertEquals(List.of(train, valid, test), List.of(parts.get(Split.TRAIN).size(), parts.get(Split.VALID).size(),
        parts.get(Split.TEST).size()), corpus.name());
    double n = corpus.size();
    assertEquals(0.8, train / n, 0.03, corpus.name());
    assertEquals(0.1, valid / n, 0.03, corpus.name());
    assertEquals(0.1, test / n, 0.03, corpus.name());
  }

  private static Map<Split, Set<String>> ids(Corpus corpus) {
    Map<Split, Set<String>> ids = new HashMap<>();
    corpus.split().forEach((split, part) ->
        ids.put(split, part.songs().stream().map(Song::id).collect(Collectors.toSet())));
    return ids;
  }

  private static String titleArtist(Song song) {
    return (song.title() + "|" + song.artist()).toLowerCase().replaceAll("\\s+", " ").strip();
  }
}
