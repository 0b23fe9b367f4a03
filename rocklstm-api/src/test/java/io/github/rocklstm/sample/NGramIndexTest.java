package io.github.rocklstm.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The n-gram index by hand, under forced hash collisions, and against brute force on random and real data. */
class NGramIndexTest {

  @Test
  void trigramsByHand() {
    // START 5 6 5 6 7 END: trigrams (1,5,6) (5,6,5) (6,5,6) (5,6,7) (6,7,2); context (5,6) is followed by 5 and 7.
    List<int[]> sequences = List.of(new int[] {1, 5, 6, 5, 6, 7, 2}, new int[] {1, 2});
    for (long base : new long[] {0x9E3779B97F4A7C15L, 0}) { // base 0: every context with the same last token collides
      NGramIndex index = NGramIndex.build(sequences, 3, base);
      assertEquals(3, index.order());
      assertEquals(4, index.contextCount());
      assertEquals(5, index.ngramCount());
      assertArrayEquals(new int[] {5, 7}, index.continuations(new int[] {5, 6}, 0));
      assertArrayEquals(new int[] {6}, index.continuations(new int[] {9, 6, 5}, 1));
      assertArrayEquals(new int[] {6}, index.continuations(new int[] {1, 5}, 0));
      assertArrayEquals(new int[] {}, index.continuations(new int[] {7, 6}, 0)); // same hash as (5, 6) at base 0
      assertArrayEquals(new int[] {}, index.continuations(new int[] {1, 2}, 0)); // shorter sequence adds nothing
      assertTrue(index.contains(new int[] {5, 6, 7}, 0));
      assertFalse(index.contains(new int[] {5, 6, 6}, 0));
      assertFalse(index.contains(new int[] {7, 6, 5}, 0));
      assertEquals(2, index.firstOccurrence(new int[] {1, 7, 5, 6, 5, 2}));
      assertEquals(-1, index.firstOccurrence(new int[] {1, 6, 6, 6, 2}));
    }
  }

  @Test
  void agreesWithBruteForceOnRandomSequencesEvenWhenEveryHashCollides() {
    SplittableRandom random = new SplittableRandom(2024);
    List<int[]> sequences = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      int[] sequence = new int[2 + random.nextInt(40)];
      for (int i = 0; i < sequence.length; i++) {
        sequence[i] = random.nextInt(6);
      }
      sequences.add(sequence);
    }
    for (int order = 2; order <= 6; order++) {
      Map<List<Integer>, Set<Integer>> expected = bruteForce(sequences, order);
      long ngrams = expected.values().stream().mapToLong(Set::size).sum();
      for (long base : new long[] {0x9E3779B97F4A7C15L, 0, 1}) {
        NGramIndex index = NGramIndex.build(sequences, order, base);
        assertEquals(expected.size(), index.contextCount(), "order " + order + " base " + base);
        assertEquals(ngrams, index.ngramCount(), "order " + order + " base " + base);
        for (int query = 0; query < 400; query++) {
          int[] context = new int[order - 1];
          for (int i = 0; i < context.length; i++) {
            context[i] = random.nextInt(7);
          }
          Set<Integer> continuations = expected.getOrDefault(asList(context, 0, context.length), Set.of());
          int[] sorted = new TreeSet<>(continuations).stream().mapToInt(Integer::intValue).toArray();
          assertArrayEquals(sorted, index.continuations(context, 0), Arrays.toString(context));
        }
      }
    }
  }

  @Test
  void indexesTheRs200CorpusExactly() {
    Rs200Tokens corpus = Rs200Tokens.load();
    long tokens = corpus.sequences.stream().mapToLong(s -> s.length).sum();
    assertEquals(400, corpus.sequences.size());
    assertEquals(86_621, tokens, "RS200 token count (whitespace tokens + START/END)");
    for (int order : new int[] {2, 5, 9}) {
      Map<List<Integer>, Set<Integer>> expected = bruteForce(corpus.sequences, order);
      NGramIndex index = NGramIndex.build(corpus.sequences, order);
      assertEquals(expected.size(), index.contextCount(), "order " + order);
      assertEquals(expected.values().stream().mapToLong(Set::size).sum(), index.ngramCount(), "order " + order);
      for (int[] sequence : corpus.sequences.subList(0, 20)) {
        assertEquals(0, index.firstOccurrence(sequence)); // every training sequence is its own first copy
        for (int start = 0; start + order <= sequence.length; start += 7) {
          assertTrue(index.contains(sequence, start));
        }
      }
    }
  }

  @Test
  void badArguments() {
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> NGramIndex.build(List.of(new int[] {1, 2}), 1));
    assertTrue(order.getMessage().contains("at least 2") && order.getMessage().endsWith("got 1"), order.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> NGramIndex.build(List.of(new int[] {1, 2}, new int[] {1, -4, 2}), 2));
    assertTrue(negative.getMessage().contains("sequence 1, position 1: token id -4"), negative.getMessage());
    NGramIndex index = NGramIndex.build(List.of(new int[] {1, 5, 2}), 3);
    IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
        () -> index.continuations(new int[] {1, 5}, 1));
    assertTrue(window.getMessage().contains("2 tokens from position 1"), window.getMessage());
  }

  private static Map<List<Integer>, Set<Integer>> bruteForce(List<int[]> sequences, int order) {
    Map<List<Integer>, Set<Integer>> map = new HashMap<>();
    for (int[] sequence : sequences) {
      for (int start = 0; start + order <= sequence.length; start++) {
        map.computeIfAbsent(asList(sequence, start, order - 1), k -> new HashSet<>()).add(sequence[start + order - 1]);
      }
    }
    return map;
  }

  private static List<Integer> asList(int[] tokens, int from, int length) {
    List<Integer> list = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      list.add(tokens[from + i]);
    }
    return list;
  }
}
