package io.github.rocklstm.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void specialsComeFirstWithFixedIds() {
    Vocabulary vocabulary = Vocabulary.builder().add("C:maj").add("A:min").add("C:maj").add(Vocabulary.UNK).build();
    assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>", "C:maj", "A:min"), vocabulary.tokens());
    assertEquals(0, vocabulary.idOf(Vocabulary.PAD));
    assertEquals(1, vocabulary.idOf(Vocabulary.START));
    assertEquals(2, vocabulary.idOf(Vocabulary.END));
    assertEquals(3, vocabulary.idOf(Vocabulary.UNK));
    assertEquals(4, vocabulary.idOf(Vocabulary.MASK));
    assertEquals(5, vocabulary.idOf("C:maj"));
    assertEquals(6, vocabulary.idOf("A:min"));
    assertEquals(Vocabulary.UNK_ID, vocabulary.idOf("F#:dim"));
    assertTrue(vocabulary.contains("A:min"));
    assertFalse(vocabulary.contains("F#:dim"));
    assertEquals("A:min", vocabulary.token(6));
    assertEquals(7, vocabulary.size());
    assertThrows(IndexOutOfBoundsException.class, () -> vocabulary.token(7));
    assertThrows(IndexOutOfBoundsException.class, () -> vocabulary.token(-1));
  }

  @Test
  void roundTripsThroughItsTokenList() {
    Vocabulary vocabulary = Vocabulary.builder().addAll(List.of("|", "N", "C:maj")).build();
    Vocabulary back = Vocabulary.of(new ArrayList<>(vocabulary.tokens()));
    assertEquals(vocabulary, back);
    assertEquals(vocabulary.hashCode(), back.hashCode());
    assertEquals(5, Vocabulary.builder().build().size());
  }

  @Test
  void ofChecksTheList() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.of(List.of("<pad>", "<start>", "<end>", "<unk>")));
    assertTrue(missing.getMessage().contains("must start with"), missing.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.of(List.of("<start>", "<pad>", "<end>", "<unk>", "<mask>")));
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.of(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>", "C:maj", "G:maj", "C:maj")));
    assertTrue(duplicate.getMessage().contains("'C:maj' appears twice (ids 5 and 7)"), duplicate.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.of(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>", "")));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().add(""));
  }
}
