package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How much of a set of generated progressions is new, compared with the training songs, at the level of chord changes.
 *
 * <h2>What is compared</h2>
 *
 * Every progression, training or generated, is first transposed with its key to C major or A minor ({@link
 * io.github.rocklstm.music.Key#semitonesToNormal()}), so that a copy in another key still counts as a copy; then
 * reduced to its chord changes at a {@link VocabularyLevel} exactly as {@link ChordStatistics} counts them (N and X
 * removed, equal neighbours merged, durations dropped). Comparing chord changes rather than tokens makes the figures
 * independent of the tokenizer's time mode (a chord held for four beats is one change, not four tokens).
 *
 * <h2>Figures</h2>
 *
 * <ul>
 *   <li>{@link #novelShare(List, int)}: of all n-grams of changes in the generated set (every position of every
 *       progression, repeats counted), the share that occurs in no training song, for {@code n} in 1 to {@value
 *       #MAX_ORDER}; an n-gram never spans two songs.
 *   <li>{@link #longestMatch(KeyedProgression)}: the longest run of consecutive changes of a generated progression
 *       that occurs verbatim in a training song, of any length, and which song (the first in training order on a
 *       tie, and its first occurrence there).
 * </ul>
 *
 * <h2>Metrics ({@link #evaluate(List)})</h2>
 *
 * {@value #PROGRESSIONS} ({@link Metric#COUNT}); {@code novel.n1}, {@code novel.n2}, ... up to {@code novel.n16}
 * ({@link Metric#RATIO}), each only when the generated set has at least one n-gram of that length (a set of 8-change
 * progressions reports {@code novel.n1} to {@code novel.n8}); {@value #LONGEST_MATCH_MEAN} and {@value
 * #LONGEST_MATCH_MAX} ({@link Metric#COUNT}, in chord changes) and {@value #LONGEST_MATCH_SHARE} ({@link
 * Metric#RATIO}: the longest match divided by the progression's number of changes, averaged over progressions; 1
 * means every generated progression is a verbatim excerpt of a training song).
 *
 * <h2>Index</h2>
 *
 * The training songs' changes are concatenated into one int text (one id per chord class, a separator after every
 * song) and indexed with a suffix array. The matching statistics of a generated progression (for every position, the
 * longest prefix found in the text) give every n-gram's presence and the longest match at once, by binary search: a
 * position costs {@code O(m log N)} for a match of length {@code m} in a text of {@code N} changes. Building reduces
 * every chord (each distinct chord once, then from a cache) and sorts {@code N} longs about {@code log2 N} times: the
 * 52,591 changes of the Billboard training songs take well under a second, the 693,840 of their 12-key augmentation a
 * few seconds. A {@code Novelty} is immutable (apart from a thread-safe cache) and may be shared between threads.
 */
public final class Novelty implements Evaluator<List<KeyedProgression>> {

  /** The longest n-gram whose novel share is reported. */
  public static final int MAX_ORDER = 16;
  /** Metric name: the number of generated progressions. */
  public static final String PROGRESSIONS = "progressions";
  /** Metric name prefix of the novel n-gram shares: {@code novel.n1} ... {@code novel.n16}. */
  public static final String NOVEL_PREFIX = "novel.n";
  /** Metric name: the mean over generated progressions of the longest verbatim match, in chord changes. */
  public static final String LONGEST_MATCH_MEAN = "match.longest.mean";
  /** Metric name: the longest verbatim match of all generated progressions, in chord changes. */
  public static final String LONGEST_MATCH_MAX = "match.longest.max";
  /** Metric name: the mean share of a generated progression that its longest verbatim match covers. */
  public static final String LONGEST_MATCH_SHARE = "match.longest.share";

  private static final int SEPARATOR = -1;
  private static final int UNSEEN = -2;

  /**
   * The longest run of a generated progression's chord changes found verbatim in a training song.
   *
   * @param generatedId the generated progression's id
   * @param changes the number of chord changes of the generated progression
   * @param length the length of the match in chord changes, 0 when no chord of the progression occurs in training
   * @param generatedStart the match's first change in the generated progression (0 when {@code length} is 0)
   * @param trainingId the training song it is found in, empty when {@code length} is 0
   * @param trainingStart the match's first change in that song (0 when {@code length} is 0)
   * @param chords the matched chord classes (key-normalised as described in {@link Novelty})
   */
  public record VerbatimMatch(String generatedId, int changes, int length, int generatedStart,
      Optional<String> trainingId, int trainingStart, ImmutableList<Chord> chords) {

    /** Checks that the parts agree. */
    public VerbatimMatch {
      Preconditions.checkNotNull(generatedId, "generatedId");
      Preconditions.checkNotNull(trainingId, "trainingId");
      Preconditions.checkNotNull(chords, "chords");
      Preconditions.checkArgument(length >= 0 && length <= changes && chords.size() == length
          && trainingId.isPresent() == (length > 0), "inconsistent match: %s of %s changes, %s chords, song %s",
          length, changes, chords.size(), trainingId);
    }

    /** {@code length / changes}: how much of the generated progression the match covers (0 for no changes). */
    public double share() {
      return changes == 0 ? 0.0 : (double) length / changes;
    }
  }

  private final ChordChanges chordChanges;
  private final Map<Chord, Integer> ids;
  private final ImmutableList<String> songIds;
  /** {@code songStarts[s]}: the text position of song {@code s}'s first change; one more entry for the end. */
  private final int[] songStarts;
  private final SuffixArray index;

  private Novelty(ChordChanges chordChanges, Map<Chord, Integer> ids, ImmutableList<String> songIds,
      int[] songStarts, SuffixArray index) {
    this.chordChanges = chordChanges;
    this.ids = ids;
    this.songIds = songIds;
    this.songStarts = songStarts;
    this.index = index;
  }

  /**
   * Indexes the training songs' chord changes.
   *
   * @param training the training songs, with unique ids; at least one, and at least one chord change in all
   * @param level the chord classes compared
   * @throws IllegalArgumentException for an empty set, a null element, a repeated id, no chord change at all, or more
   *     than 2,097,151 changes and songs together (one separator per song)
   */
  public static Novelty fit(List<KeyedProgression> training, VocabularyLevel level) {
    ChordStatistics.checkSet(training);
    Preconditions.checkNotNull(level, "level");
    ChordChanges chordChanges = new ChordChanges(level);
    Map<Chord, Integer> ids = new HashMap<>();
    Set<String> seen = new HashSet<>();
    ImmutableList.Builder<String> songIds = ImmutableList.builder();
    int[] songStarts = new int[training.size() + 1];
    int[] text = new int[64];
    int length = 0;
    for (int s = 0; s < training.size(); s++) {
      KeyedProgression song = training.get(s);
      Preconditions.checkArgument(seen.add(song.id()), "training song id '%s' appears twice (at %s)", song.id(), s);
      songIds.add(song.id());
      songStarts[s] = length;
      ImmutableList<ChordEvent> changes = changes(chordChanges, song);
      if (length + changes.size() + 1 > text.length) {
        long grown = Math.max(2L * text.length, (long) length + changes.size() + 1);
        Preconditions.checkArgument(grown <= Integer.MAX_VALUE, "training set too large");
        text = Arrays.copyOf(text, (int) grown);
      }
      for (ChordEvent change : changes) {
        text[length++] = ids.computeIfAbsent(change.chord(), chord -> ids.size());
      }
      text[length++] = SEPARATOR;
    }
    songStarts[training.size()] = length;
    Preconditions.checkArgument(!ids.isEmpty(), "the training songs have no chord change (only N, X or nothing)");
    Preconditions.checkArgument(length <= SuffixArray.MAX_LENGTH,
        "training set too large: %s chord changes and separators, at most %s", length, SuffixArray.MAX_LENGTH);
    return new Novelty(chordChanges, Map.copyOf(ids), songIds.build(), songStarts,
        new SuffixArray(Arrays.copyOf(text, length)));
  }

  /** The chord classes compared. */
  public VocabularyLevel level() {
    return chordChanges.level();
  }

  /** The number of training songs. */
  public int trainingSongs() {
    return songIds.size();
  }

  /** The number of chord changes in the training songs. */
  public int trainingChanges() {
    return index.length() - songIds.size();
  }

  /**
   * The share of the generated set's n-grams of chord changes that occur in no training song (definition in the
   * class comment).
   *
   * @throws IllegalArgumentException for an empty set, {@code n} outside 1..{@value #MAX_ORDER}, or a set without a
   *     single n-gram (every progression shorter than {@code n} changes)
   */
  public double novelShare(List<KeyedProgression> generated, int n) {
    ChordStatistics.checkSet(generated);
    Preconditions.checkArgument(n >= 1 && n <= MAX_ORDER, "n-gram length must be 1..%s, got %s", MAX_ORDER, n);
    long[] novel = new long[MAX_ORDER + 1];
    long[] total = new long[MAX_ORDER + 1];
    for (KeyedProgression progression : generated) {
      count(scan(progression), novel, total);
    }
    Preconditions.checkArgument(total[n] > 0,
        "the generated progressions have no %s-gram of chord changes (all are shorter)", n);
    return (double) novel[n] / total[n];
  }

  /** The longest verbatim match of one generated progression with any training song. */
  public VerbatimMatch longestMatch(KeyedProgression generated) {
    Preconditions.checkNotNull(generated, "generated");
    return longest(generated, scan(generated));
  }

  /** {@link #longestMatch(KeyedProgression)} of every generated progression, in order. */
  public ImmutableList<VerbatimMatch> longestMatches(List<KeyedProgression> generated) {
    ChordStatistics.checkSet(generated);
    return generated.stream().map(this::longestMatch).collect(ImmutableList.toImmutableList());
  }

  /** {@code novelty}. */
  @Override
  public String name() {
    return "novelty";
  }

  /**
   * The novelty metrics listed in the class comment.
   *
   * @throws IllegalArgumentException for an empty set or a null element
   */
  @Override
  public Metrics evaluate(List<KeyedProgression> generated) {
    ChordStatistics.checkSet(generated);
    long[] novel = new long[MAX_ORDER + 1];
    long[] total = new long[MAX_ORDER + 1];
    double sum = 0;
    int max = 0;
    double share = 0;
    for (KeyedProgression progression : generated) {
      int[][] scan = scan(progression);
      count(scan, novel, total);
      VerbatimMatch match = longest(progression, scan);
      sum += match.length();
      max = Math.max(max, match.length());
      share += match.share();
    }
    Metrics.Builder metrics = Metrics.builder().add(PROGRESSIONS, generated.size(), Metric.COUNT);
    for (int n = 1; n <= MAX_ORDER; n++) {
      if (total[n] > 0) {
        metrics.add(NOVEL_PREFIX + n, (double) novel[n] / total[n], Metric.RATIO);
      }
    }
    return metrics
        .add(LONGEST_MATCH_MEAN, sum / generated.size(), Metric.COUNT)
        .add(LONGEST_MATCH_MAX, max, Metric.COUNT)
        .add(LONGEST_MATCH_SHARE, share / generated.size(), Metric.RATIO)
        .build();
  }

  /**
   * The matching statistics of a progression: for every change {@code i}, {@link
   * SuffixArray#longestPrefixMatch} of the changes from {@code i} on ({@code {length, firstRank, endRank}}).
   */
  private int[][] scan(KeyedProgression progression) {
    int[] pattern = encode(progression);
    int[][] matches = new int[pattern.length][];
    for (int i = 0; i < pattern.length; i++) {
      matches[i] = index.longestPrefixMatch(pattern, i);
    }
    return matches;
  }

  /** Adds a progression's n-grams to {@code total[n]} and the novel ones (match shorter than n) to {@code novel[n]}. */
  private static void count(int[][] scan, long[] novel, long[] total) {
    for (int i = 0; i < scan.length; i++) {
      for (int n = 1; n <= MAX_ORDER && i + n <= scan.length; n++) {
        total[n]++;
        if (scan[i][0] < n) {
          novel[n]++;
        }
      }
    }
  }

  private VerbatimMatch longest(KeyedProgression generated, int[][] scan) {
    int best = 0;
    int bestStart = 0;
    for (int i = 0; i < scan.length; i++) {
      if (scan[i][0] > best) {
        best = scan[i][0];
        bestStart = i;
      }
    }
    if (best == 0) {
      return new VerbatimMatch(generated.id(), scan.length, 0, 0, Optional.empty(), 0, ImmutableList.of());
    }
    int position = Integer.MAX_VALUE;
    for (int rank = scan[bestStart][1]; rank < scan[bestStart][2]; rank++) {
      position = Math.min(position, index.suffix(rank));
    }
    int song = Arrays.binarySearch(songStarts, position);
    song = song >= 0 ? song : -song - 2;
    ImmutableList<Chord> chords = changes(chordChanges, generated).subList(bestStart, bestStart + best).stream()
        .map(ChordEvent::chord).collect(ImmutableList.toImmutableList());
    return new VerbatimMatch(generated.id(), scan.length, best, bestStart, Optional.of(songIds.get(song)),
        position - songStarts[song], chords);
  }

  private int[] encode(KeyedProgression progression) {
    ImmutableList<ChordEvent> changes = changes(chordChanges, progression);
    int[] pattern = new int[changes.size()];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = ids.getOrDefault(changes.get(i).chord(), UNSEEN);
    }
    return pattern;
  }

  private static ImmutableList<ChordEvent> changes(ChordChanges chordChanges, KeyedProgression progression) {
    return chordChanges.of(progression.progression(), progression.key().semitonesToNormal());
  }
}
