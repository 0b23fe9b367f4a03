package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Set;

/**
 * A chord symbol: a root, a {@link ChordQuality}, intervals added to or omitted from that quality, and the
 * interval of the bass above the root; or one of the two placeholders {@link #NO_CHORD} (Harte {@code N},
 * lead-sheet {@code NC}) and {@link #UNKNOWN} (Harte {@code X}).
 *
 * <p>Any Harte label is represented exactly: {@code C:maj(9)} is major with {@code 9} added,
 * {@code A:min7(*b3,11)} is min7 without {@code b3} and with {@code 11}, {@code D:sus4(b7)/b7} is sus4 plus
 * {@code b7} over its seventh. The structure is kept as written, in a normal form: added intervals that the
 * quality already has and omitted ones it lacks are dropped, and a chord whose interval set is exactly a
 * quality's takes that quality ({@code C:maj(b7)} equals {@code C:7}, {@code C:(1,3,5)} equals {@code C:maj}).
 * So {@code C:7(*3,4)} and {@code C:sus4(b7)} sound the same but are different chords; compare
 * {@link #intervals()} to compare sounds. {@link #fromIntervals} picks one structure for a given sound.
 *
 * <p>Components of {@link #NO_CHORD} and {@link #UNKNOWN}: {@link #root()}, {@link #quality()} and
 * {@link #bassInterval()} throw {@link IllegalStateException}; {@link #added()} and {@link #omitted()} are empty.
 *
 * @param kind a chord, no chord or an unknown chord
 * @param root the root (null only for the placeholders)
 * @param quality the quality (null only for the placeholders)
 * @param added intervals added to the quality
 * @param omitted intervals of the quality that do not sound
 * @param bassInterval the bass above the root: {@link Interval#ROOT} in root position, {@code 3} for a first
 *     inversion, {@code b7} for a seventh in the bass (null only for the placeholders)
 */
public record Chord(Kind kind, PitchClass root, ChordQuality quality, ImmutableSortedSet<Interval> added,
    ImmutableSortedSet<Interval> omitted, Interval bassInterval) {

  /** What a {@link Chord} value stands for. */
  public enum Kind {
    /** A chord with a root. */
    CHORD,
    /** Silence or no harmony: Harte {@code N}, lead-sheet {@code NC}, RS200 {@code R}. */
    NO_CHORD,
    /** A chord the annotator could not name: Harte {@code X}. */
    UNKNOWN
  }

  /** No chord: Harte {@code N}, lead-sheet {@code NC}. */
  public static final Chord NO_CHORD =
      new Chord(Kind.NO_CHORD, null, null, ImmutableSortedSet.of(), ImmutableSortedSet.of(), null);

  /** An unknown chord: Harte {@code X}. Tokenizers map it to their UNK token. */
  public static final Chord UNKNOWN =
      new Chord(Kind.UNKNOWN, null, null, ImmutableSortedSet.of(), ImmutableSortedSet.of(), null);

  /** Brings the components into the normal form described in the class comment. */
  public Chord {
    Preconditions.checkNotNull(kind, "kind");
    if (kind == Kind.CHORD) {
      Preconditions.checkNotNull(root, "root");
      Preconditions.checkNotNull(bassInterval, "bassInterval");
      Preconditions.checkNotNull(added, "added");
      Preconditions.checkNotNull(omitted, "omitted");
      ChordShape shape = ChordShape.normalize(quality, added, omitted);
      quality = shape.quality();
      added = shape.added();
      omitted = shape.omitted();
    } else {
      Preconditions.checkArgument(root == null && quality == null && bassInterval == null
              && (added == null || added.isEmpty()) && (omitted == null || omitted.isEmpty()),
          "%s has no root, quality, intervals or bass", kind);
      added = ImmutableSortedSet.of();
      omitted = ImmutableSortedSet.of();
    }
  }

  /** A root-position chord of a quality: {@code Chord.of(PitchClass.A, ChordQuality.MINOR)} is {@code A:min}. */
  public static Chord of(PitchClass root, ChordQuality quality) {
    return of(root, quality, Interval.ROOT);
  }

  /** A chord of a quality over a bass interval: {@code of(C, MAJOR, Interval.MAJOR_THIRD)} is {@code C:maj/3}. */
  public static Chord of(PitchClass root, ChordQuality quality, Interval bassInterval) {
    return new Chord(Kind.CHORD, root, quality, ImmutableSortedSet.of(), ImmutableSortedSet.of(), bassInterval);
  }

  /** A chord with explicit added and omitted intervals, normalised as described in the class comment. */
  public static Chord of(PitchClass root, ChordQuality quality, Set<Interval> added, Set<Interval> omitted,
      Interval bassInterval) {
    return new Chord(Kind.CHORD, root, quality, ImmutableSortedSet.copyOf(added), ImmutableSortedSet.copyOf(omitted),
        bassInterval);
  }

  /**
   * The chord that sounds exactly {@code intervals} above {@code root}, spelled with the fewest changes to a
   * quality (fewest added plus omitted intervals, then fewest omitted, then most shared, then
   * {@link ChordQuality} order): {@code (1,4,5,b7)} is {@code sus4(b7)}, {@code (1,3,b5,b7)} is
   * {@code 7(*5,b5)}, {@code (1,5,b7)} is {@code 5(b7)}. Lead-sheet and roman-numeral parsing build chords this
   * way, so equal sounds give equal chords there.
   */
  public static Chord fromIntervals(PitchClass root, Set<Interval> intervals, Interval bassInterval) {
    Preconditions.checkNotNull(root, "root");
    ChordShape shape = ChordShape.bestFit(intervals);
    return new Chord(Kind.CHORD, root, shape.quality(), shape.added(), shape.omitted(), bassInterval);
  }

  /** The root. @throws IllegalStateException for {@link #NO_CHORD} and {@link #UNKNOWN} */
  @Override
  public PitchClass root() {
    checkPitched("root");
    return root;
  }

  /** The quality. @throws IllegalStateException for {@link #NO_CHORD} and {@link #UNKNOWN} */
  @Override
  public ChordQuality quality() {
    checkPitched("quality");
    return quality;
  }

  /** The bass interval above the root. @throws IllegalStateException for the placeholders */
  @Override
  public Interval bassInterval() {
    checkPitched("bass");
    return bassInterval;
  }

  /** Whether this is {@link #NO_CHORD}. */
  public boolean isNoChord() {
    return kind == Kind.NO_CHORD;
  }

  /** Whether this is {@link #UNKNOWN}. */
  public boolean isUnknown() {
    return kind == Kind.UNKNOWN;
  }

  /** Whether this is a chord with a root (neither {@link #NO_CHORD} nor {@link #UNKNOWN}). */
  public boolean isPitched() {
    return kind == Kind.CHORD;
  }

  /** Whether the bass is the root. False for the placeholders. */
  public boolean isRootPosition() {
    return isPitched() && bassInterval.equals(Interval.ROOT);
  }

  /** The sounding intervals above the root (quality less omitted plus added); empty for the placeholders. */
  public ImmutableSortedSet<Interval> intervals() {
    return isPitched() ? new ChordShape(quality, added, omitted).intervals() : ImmutableSortedSet.of();
  }

  /**
   * The pitch classes that sound: those of {@link #intervals()} and the bass. Empty for the placeholders.
   */
  public ImmutableSortedSet<PitchClass> pitchClasses() {
    if (!isPitched()) {
      return ImmutableSortedSet.of();
    }
    ImmutableSortedSet.Builder<PitchClass> builder = ImmutableSortedSet.naturalOrder();
    for (Interval interval : intervals()) {
      builder.add(root.transpose(interval.semitones()));
    }
    builder.add(bass());
    return builder.build();
  }

  /** The bass pitch class. @throws IllegalStateException for {@link #NO_CHORD} and {@link #UNKNOWN} */
  public PitchClass bass() {
    checkPitched("bass");
    return root.transpose(bassInterval.semitones());
  }

  /** This chord moved by {@code semitones}; the placeholders stay as they are. */
  public Chord transpose(int semitones) {
    if (!isPitched() || Math.floorMod(semitones, 12) == 0) {
      return this;
    }
    return new Chord(kind, root.transpose(semitones), quality, added, omitted, bassInterval);
  }

  /** The same chord in root position. */
  public Chord withRootPosition() {
    return isRootPosition() || !isPitched() ? this : new Chord(kind, root, quality, added, omitted, Interval.ROOT);
  }

  /**
   * This chord at a vocabulary level: itself at {@link VocabularyLevel#FULL}; otherwise a root-position chord
   * of the same root whose quality is {@link VocabularyLevel#classify} of its sounding intervals (the table is
   * in {@link VocabularyLevel}). The placeholders stay as they are.
   */
  public Chord reduce(VocabularyLevel level) {
    Preconditions.checkNotNull(level, "level");
    if (level == VocabularyLevel.FULL || !isPitched()) {
      return this;
    }
    return of(root, level.classify(intervals()));
  }

  /** The canonical Harte label, as {@link ChordSymbols#formatHarte}. */
  @Override
  public String toString() {
    return ChordSymbols.formatHarte(this);
  }

  private void checkPitched(String what) {
    if (kind != Kind.CHORD) {
      throw new IllegalStateException((kind == Kind.NO_CHORD ? "N (no chord)" : "X (unknown chord)")
          + " has no " + what);
    }
  }
}
