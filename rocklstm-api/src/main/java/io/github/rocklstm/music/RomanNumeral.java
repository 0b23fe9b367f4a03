package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A chord named by its root's scale degree above a tonic, in the roman-numeral notation of the RS200 rock corpus
 * (de Clercq and Temperley, {@code rs200_harmony_exp/*.txt}), with the {@code -} flats of the CoCoPops
 * {@code **harm} spines accepted too.
 *
 * <h2>Degrees</h2>
 * Roots are measured from the tonic along the <em>major</em> scale whatever the mode, as RS200 and CoCoPops do:
 * in A minor, C major is {@code bIII} and A minor is {@code i}. So {@link #toChord(Key)} uses only the key's
 * tonic.
 *
 * <h2>Grammar</h2>
 * {@code [accidentals] ROMAN [mark] [figure] [modifiers] [/target]}, or the extension
 * {@code [accidentals] ROMAN : harte-shape [/target]}:
 * <ul>
 *   <li>accidentals: any number of {@code b}, {@code #} or {@code -} (CoCoPops' flat): {@code bVII},
 *       {@code -VII}, {@code #IV};
 *   <li>ROMAN: {@code I II III IV V VI VII}; upper case is a major triad, lower case minor;
 *   <li>mark: {@code o} or {@code °} diminished triad ({@code o} with a seventh is the diminished seventh);
 *       {@code h} or {@code ø} half-diminished seventh; {@code x} diminished seventh; {@code a} or {@code +}
 *       augmented triad; {@code d} a minor ("dominant") seventh where the default seventh would be major
 *       ({@code Id7}, {@code IVd43}); {@code d} with no seventh figure is read as a diminished triad
 *       ({@code iid6/ii}, as CoCoPops reads it);
 *   <li>figure: {@code 6} and {@code 64} (triad inversions: third or fifth in the bass); {@code 7},
 *       {@code 65}, {@code 43}, {@code 42} (seventh chord in root position or with the third, fifth or seventh in
 *       the bass); {@code 9}, {@code 11}, {@code 13} (seventh chord with every stacked third up to that number,
 *       root position);
 *   <li>modifiers, in any number: {@code s4} and {@code s2} (the 4 or 2 replaces the third; with {@code 6} the
 *       4 or 2 is in the bass), an altered interval ({@code b5 #5} replace the fifth; {@code b9 #9 #11 b13}
 *       replace or add that extension and imply a seventh);
 *   <li>target: {@code /} and a plain numeral ({@code V/V}, {@code V7/vi}, {@code viix42/V}, {@code IV64/IV});
 *       the chord's degree is then counted from the target's root, and the target may have a target in turn;
 *   <li>{@code :} and a Harte shape (what follows the colon in a Harte label, bass included: {@code V:7(*3,11)},
 *       {@code I:maj6(9)/3}) gives any chord exactly; {@link #format()} falls back to it when the RS200 notation
 *       cannot say a chord.
 * </ul>
 * The default seventh (figure {@code 7} and the extension figures, no {@code d h x}) is a minor seventh on a lower
 * case numeral and, on an upper case one, the note a seventh above the root in the major scale of the tonic (or of
 * the target): {@code I7} and {@code IV7} and {@code bVII9} have major sevenths, {@code V7}, {@code II7},
 * {@code VI7} and {@code #IV7} minor ones. This matches the CoCoPops conversion of every RS200 analysis.
 *
 * <p>Not supported (a {@link ChordSyntaxException} says where reading stopped): RS200's {@code R} (rest; readers
 * map it to {@link Chord#NO_CHORD}), its {@code .} placeholders and {@code [..]} key and metre markers, and the
 * CoCoPops {@code **harm} figures that differ from RS200 (inversion letters {@code b c d e f g}, interval
 * qualities {@code m7 M7 D7 A9 M9}, {@code ;} fermatas, duration prefixes): read the {@code **harte} spine instead.
 *
 * <h2>Values</h2>
 * A numeral keeps its degree (spelled: {@code bVII} and {@code #VI} differ), a chord structure as {@link Chord}
 * keeps it (quality, added and omitted intervals, bass interval), and an optional target. Parsed RS200 numerals
 * take the structure {@link Chord#fromIntervals} gives their notes, so {@code V7s4} and {@code v7s4} are equal.
 *
 * @param degree the root above the tonic (or the target's root): degree 1 to 7 with any alteration
 * @param quality the chord quality
 * @param added intervals added to the quality
 * @param omitted intervals of the quality that do not sound
 * @param bassInterval the bass above the chord's root
 * @param target the numeral this chord is applied to ({@code /V}), a plain upper (major) or lower (minor) case
 *     numeral
 */
public record RomanNumeral(Interval degree, ChordQuality quality, ImmutableSortedSet<Interval> added,
    ImmutableSortedSet<Interval> omitted, Interval bassInterval, Optional<RomanNumeral> target) {

  private static final String NOTATION = "roman numeral";
  private static final String[] UPPER = {"VII", "VI", "V", "IV", "III", "II", "I"};
  private static final int[] UPPER_DEGREES = {7, 6, 5, 4, 3, 2, 1};
  private static final String[] NAMES = {"I", "II", "III", "IV", "V", "VI", "VII"};
  private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
  // The degree chosen for a root 0..11 semitones above the tonic: I bII II bIII III IV #IV V bVI VI bVII VII.
  private static final Interval[] DEGREE_SPELLING = {
    Interval.of(1, 0), Interval.of(2, -1), Interval.of(2, 0), Interval.of(3, -1), Interval.of(3, 0),
    Interval.of(4, 0), Interval.of(4, 1), Interval.of(5, 0), Interval.of(6, -1), Interval.of(6, 0),
    Interval.of(7, -1), Interval.of(7, 0)
  };

  /** Normalises the structure as {@link Chord} does and checks the degree and target. */
  public RomanNumeral {
    Preconditions.checkNotNull(degree, "degree");
    Preconditions.checkArgument(degree.degree() <= 7, "a roman numeral's degree is 1 to 7, got %s", degree);
    Preconditions.checkNotNull(bassInterval, "bassInterval");
    Preconditions.checkNotNull(added, "added");
    Preconditions.checkNotNull(omitted, "omitted");
    Preconditions.checkNotNull(target, "target");
    ChordShape shape = ChordShape.normalize(quality, added, omitted);
    quality = shape.quality();
    added = shape.added();
    omitted = shape.omitted();
    target.ifPresent(t -> Preconditions.checkArgument(t.isPlain(),
        "a target must be a plain major or minor numeral such as V or vi, got %s", t));
  }

  /**
   * The numeral of a chord in a key: the degree spelled {@code I bII II bIII III IV #IV V bVI VI bVII VII}, the
   * chord's structure and bass kept. {@code of(c, key).toChord(key)} equals {@code c}.
   *
   * @throws IllegalArgumentException for {@link Chord#NO_CHORD} and {@link Chord#UNKNOWN}
   */
  public static RomanNumeral of(Chord chord, Key key) {
    Preconditions.checkNotNull(chord, "chord");
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkArgument(chord.isPitched(), "%s has no roman numeral", chord);
    Interval degree = degreeAbove(key.tonic().semitonesUpTo(chord.root()));
    return new RomanNumeral(degree, chord.quality(), chord.added(), chord.omitted(), chord.bassInterval(),
        Optional.empty());
  }

  /**
   * The RS200 degree of a root {@code semitonesAboveTonic} (0 to 11) above the tonic, counted on the tonic's major
   * scale: 1, b2, 2, b3, 3, 4, #4, 5, b6, 6, b7, 7.
   */
  public static Interval degreeAbove(int semitonesAboveTonic) {
    Preconditions.checkArgument(semitonesAboveTonic >= 0 && semitonesAboveTonic < 12,
        "semitones above the tonic must be 0..11, got %s", semitonesAboveTonic);
    return DEGREE_SPELLING[semitonesAboveTonic];
  }

  /** The chord this numeral names in {@code key} (only the tonic counts; see the class comment). */
  public Chord toChord(Key key) {
    Preconditions.checkNotNull(key, "key");
    return Chord.of(key.tonic().transpose(semitonesAboveTonic()), quality, added, omitted, bassInterval);
  }

  /** Semitones from the tonic up to the chord's root, 0 to 11, targets included ({@code V/V} gives 2). */
  public int semitonesAboveTonic() {
    int offset = degree.semitones() + target.map(RomanNumeral::semitonesAboveTonic).orElse(0);
    return Math.floorMod(offset, 12);
  }

  /** The sounding intervals above the chord's root. */
  public ImmutableSortedSet<Interval> intervals() {
    return new ChordShape(quality, added, omitted).intervals();
  }

  /** Whether this numeral is applied to another ({@code V/V}). */
  public boolean isApplied() {
    return target.isPresent();
  }

  private boolean isPlain() {
    return (quality == ChordQuality.MAJOR || quality == ChordQuality.MINOR) && added.isEmpty() && omitted.isEmpty()
        && bassInterval.equals(Interval.ROOT);
  }

  /**
   * Parses a numeral: {@code I}, {@code bVII}, {@code -VII}, {@code v7}, {@code V65/vi}, {@code iih43},
   * {@code viix42/V}, {@code Vs4}, {@code Id7#9}, {@code bVIb5}, {@code V+11}, {@code V:7(*3,11)} (the grammar is
   * in the class comment).
   *
   * @throws ChordSyntaxException naming the text, the position and what was expected there
   */
  public static RomanNumeral parse(String text) {
    Preconditions.checkNotNull(text, "text");
    Reader reader = new Reader(text);
    RomanNumeral numeral = reader.numeral(false);
    if (reader.pos != text.length()) {
      throw reader.error("the end of the numeral");
    }
    return numeral;
  }

  /**
   * The RS200 spelling of this numeral when the notation can say it ({@code V7}, {@code Id7#9}, {@code viix42/V},
   * {@code V7s4}), otherwise the {@code :} extension with the exact Harte shape ({@code I:maj6(9)},
   * {@code v:min7(*b3,11)}). {@code parse(format())} equals this numeral.
   */
  public String format() {
    String head = head();
    String targetSuffix = target.map(t -> "/" + t.format()).orElse("");
    String body = rs200Body();
    if (body != null) {
      String candidate = head + body + targetSuffix;
      try {
        if (parse(candidate).equals(this)) {
          return candidate;
        }
      } catch (IllegalArgumentException e) {
        // fall back to the exact form below
      }
    }
    return head + ":" + ChordSymbols.formatShape(quality, added, omitted, bassInterval) + targetSuffix;
  }

  /** {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  private String head() {
    // Lower case for a minor third; without a sounding third, for a minor quality (v:min7(*b3,11)).
    Set<Interval> notes = intervals();
    if (!notes.contains(Interval.MAJOR_THIRD) && !notes.contains(Interval.MINOR_THIRD)) {
      notes = quality.intervals();
    }
    boolean lower = !notes.contains(Interval.MAJOR_THIRD) && notes.contains(Interval.MINOR_THIRD);
    String accidentals = degree.alteration() < 0 ? "b".repeat(-degree.alteration()) : "#".repeat(degree.alteration());
    String name = NAMES[degree.degree() - 1];
    return accidentals + (lower ? name.toLowerCase(java.util.Locale.ROOT) : name);
  }

  /** Mark, figure and modifiers in RS200 notation, or null when the notation cannot say this chord. */
  private String rs200Body() {
    ImmutableSortedSet<Interval> notes = intervals();
    if (!notes.contains(Interval.ROOT)) {
      return null;
    }
    Set<Interval> thirds = ofDegree(notes, 3);
    Set<Interval> fifths = ofDegree(notes, 5);
    Set<Interval> rest = new TreeSet<>(notes);
    rest.remove(Interval.ROOT);
    rest.removeAll(thirds);
    rest.removeAll(fifths);
    String triad;
    Interval thirdMember;
    if (thirds.equals(Set.of(Interval.MAJOR_THIRD)) && fifths.size() == 1) {
      Interval fifth = fifths.iterator().next();
      triad = fifth.equals(Interval.PERFECT_FIFTH) ? "maj" : fifth.equals(Interval.AUGMENTED_FIFTH) ? "aug"
          : fifth.equals(Interval.DIMINISHED_FIFTH) ? "majb5" : null;
      thirdMember = Interval.MAJOR_THIRD;
    } else if (thirds.equals(Set.of(Interval.MINOR_THIRD)) && fifths.size() == 1) {
      Interval fifth = fifths.iterator().next();
      triad = fifth.equals(Interval.PERFECT_FIFTH) ? "min" : fifth.equals(Interval.DIMINISHED_FIFTH) ? "dim" : null;
      thirdMember = Interval.MINOR_THIRD;
    } else if (thirds.isEmpty() && fifths.equals(Set.of(Interval.PERFECT_FIFTH))
        && rest.contains(Interval.PERFECT_FOURTH) != rest.contains(Interval.natural(2))) {
      thirdMember = rest.contains(Interval.PERFECT_FOURTH) ? Interval.PERFECT_FOURTH : Interval.natural(2);
      triad = thirdMember.degree() == 4 ? "s4" : "s2";
      rest.remove(thirdMember);
    } else {
      return null;
    }
    if (triad == null) {
      return null;
    }
    Set<Interval> sevenths = ofDegree(rest, 7);
    if (sevenths.size() > 1) {
      return null;
    }
    Interval seventh = sevenths.isEmpty() ? null : sevenths.iterator().next();
    rest.removeAll(sevenths);
    Set<Interval> naturalExtensions = new TreeSet<>();
    Set<Interval> alteredExtensions = new TreeSet<>();
    for (Interval interval : rest) {
      if (interval.degree() == 9 || interval.degree() == 11 || interval.degree() == 13) {
        (interval.isAltered() ? alteredExtensions : naturalExtensions).add(interval);
      } else {
        return null;
      }
    }
    boolean upper = !triad.equals("min") && !triad.equals("dim");
    Interval defaultSeventh = upper ? defaultUpperSeventh(degree) : Interval.MINOR_SEVENTH;
    if (seventh == null && !rest.isEmpty()) {
      return null;
    }
    String mark;
    switch (triad) {
      case "dim":
        mark = seventh == null ? "o" : seventh.equals(Interval.MINOR_SEVENTH) ? "h"
            : seventh.equals(Interval.DIMINISHED_SEVENTH) ? "x" : null;
        break;
      case "aug":
        mark = seventh == null || seventh.equals(defaultSeventh) ? "a" : null;
        break;
      case "min":
        mark = seventh == null || seventh.equals(Interval.MINOR_SEVENTH) ? "" : null;
        break;
      default:
        mark = seventh == null || seventh.equals(defaultSeventh) ? ""
            : seventh.equals(Interval.MINOR_SEVENTH) ? "d" : null;
    }
    if (mark == null) {
      return null;
    }
    String figure;
    if (seventh == null) {
      figure = bassInterval.equals(Interval.ROOT) ? "" : bassInterval.equals(thirdMember) ? "6"
          : fifths.contains(bassInterval) ? "64" : null;
    } else if (naturalExtensions.isEmpty()) {
      figure = bassInterval.equals(Interval.ROOT) ? "7" : bassInterval.equals(thirdMember) ? "65"
          : fifths.contains(bassInterval) ? "43" : bassInterval.equals(seventh) ? "42" : null;
    } else {
      figure = !bassInterval.equals(Interval.ROOT) ? null
          : naturalExtensions.equals(Set.of(Interval.natural(9))) ? "9"
          : naturalExtensions.equals(Set.of(Interval.natural(9), Interval.natural(11))) ? "11"
          : naturalExtensions.equals(Set.of(Interval.natural(9), Interval.natural(11), Interval.natural(13)))
              ? "13" : null;
    }
    if (figure == null) {
      return null;
    }
    StringBuilder body = new StringBuilder(mark).append(figure);
    if (triad.equals("s4") || triad.equals("s2")) {
      body.append(triad);
    }
    if (triad.equals("majb5")) {
      body.append("b5");
    }
    alteredExtensions.forEach(body::append);
    return body.toString();
  }

  private static Set<Interval> ofDegree(Set<Interval> intervals, int degree) {
    Set<Interval> result = new TreeSet<>();
    for (Interval interval : intervals) {
      if (interval.degree() == degree) {
        result.add(interval);
      }
    }
    return result;
  }

  /** The seventh above an upper-case numeral's root that lies in the major scale of its tonic. */
  private static Interval defaultUpperSeventh(Interval degree) {
    int seventhDegree = (degree.degree() + 5) % 7 + 1;
    int rootSemitones = MAJOR_SCALE[degree.degree() - 1] + degree.alteration();
    int size = Math.floorMod(MAJOR_SCALE[seventhDegree - 1] - rootSemitones, 12);
    return size == 11 ? Interval.MAJOR_SEVENTH : Interval.MINOR_SEVENTH;
  }

  /** The RS200 grammar of the class comment. */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    RomanNumeral numeral(boolean plainOnly) {
      int alteration = 0;
      while (pos < text.length() && "b#-".indexOf(text.charAt(pos)) >= 0) {
        alteration += text.charAt(pos) == '#' ? 1 : -1;
        pos++;
      }
      int numeralStart = pos;
      int degree = 0;
      boolean upper = true;
      for (int i = 0; i < UPPER.length && degree == 0; i++) {
        if (text.startsWith(UPPER[i], pos)) {
          degree = UPPER_DEGREES[i];
          pos += UPPER[i].length();
        } else if (text.startsWith(UPPER[i].toLowerCase(java.util.Locale.ROOT), pos)) {
          degree = UPPER_DEGREES[i];
          upper = false;
          pos += UPPER[i].length();
        }
      }
      if (degree == 0) {
        throw error("a roman numeral I-VII or i-vii after any b, # or -"
            + (text.startsWith("R", pos) ? " (RS200 'R' is a rest: readers map it to Chord.NO_CHORD)" : ""));
      }
      if (Math.abs(alteration) > Interval.MAX_ALTERATION) {
        pos = numeralStart;
        throw error("at most " + Interval.MAX_ALTERATION + " accidentals before the numeral");
      }
      Interval root = Interval.of(degree, alteration);
      if (plainOnly) {
        ChordQuality quality = upper ? ChordQuality.MAJOR : ChordQuality.MINOR;
        return new RomanNumeral(root, quality, ImmutableSortedSet.of(), ImmutableSortedSet.of(), Interval.ROOT,
            target());
      }
      if (pos < text.length() && text.charAt(pos) == ':') {
        return harteShape(root);
      }
      return rs200(root, upper);
    }

    private RomanNumeral harteShape(Interval root) {
      pos++;
      int shorthandStart = pos;
      while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
        pos++;
      }
      String shorthand = text.substring(shorthandStart, pos);
      ChordQuality quality;
      if (shorthand.isEmpty()) {
        if (pos >= text.length() || text.charAt(pos) != '(') {
          throw error("a Harte quality shorthand (" + ChordQuality.harteShorthands() + ") or '(' after ':'");
        }
        quality = ChordQuality.NONE;
      } else {
        quality = ChordQuality.fromHarte(shorthand).orElse(null);
        if (quality == null) {
          pos = shorthandStart;
          throw error("a Harte quality shorthand (" + ChordQuality.harteShorthands() + ") or '(' after ':'");
        }
      }
      Set<Interval> added = new TreeSet<>();
      Set<Interval> omitted = new TreeSet<>();
      if (pos < text.length() && text.charAt(pos) == '(') {
        pos = ChordSymbols.readIntervalList(NOTATION, text, pos + 1, added, omitted);
      }
      Interval bass = Interval.ROOT;
      if (pos < text.length() && text.charAt(pos) == '/' && Interval.parsedLength(text, pos + 1) > 0) {
        int length = Interval.parsedLength(text, pos + 1);
        bass = Interval.parsePrefix(text, pos + 1);
        pos += 1 + length;
      }
      int shapeEnd = pos;
      Optional<RomanNumeral> target = target();
      try {
        return new RomanNumeral(root, quality, ImmutableSortedSet.copyOf(added), ImmutableSortedSet.copyOf(omitted),
            bass, target);
      } catch (IllegalArgumentException e) {
        pos = shapeEnd;
        throw error("a shape with at least one sounding interval");
      }
    }

    private RomanNumeral rs200(Interval root, boolean upper) {
      char mark = 0;
      if (pos < text.length() && "ohxda+\u00F8\u00B0".indexOf(text.charAt(pos)) >= 0) {
        mark = text.charAt(pos);
        mark = mark == '\u00F8' ? 'h' : mark == '\u00B0' ? 'o' : mark == '+' ? 'a' : mark;
        pos++;
      }
      int figureStart = pos;
      String figure = "";
      for (String candidate : new String[] {"64", "65", "43", "42", "13", "11", "9", "7", "6"}) {
        if (text.startsWith(candidate, pos)) {
          figure = candidate;
          pos += candidate.length();
          break;
        }
      }
      Interval suspension = null;
      Set<Interval> alterations = new TreeSet<>();
      while (pos < text.length()) {
        if (text.startsWith("s4", pos) || text.startsWith("s2", pos)) {
          suspension = Interval.natural(text.charAt(pos + 1) - '0');
          pos += 2;
        } else if ((text.charAt(pos) == 'b' || text.charAt(pos) == '#') && Interval.parsedLength(text, pos) > 0) {
          int length = Interval.parsedLength(text, pos);
          alterations.add(Interval.parsePrefix(text, pos));
          pos += length;
        } else {
          break;
        }
      }
      boolean alteredExtension = alterations.stream().anyMatch(interval -> interval.degree() > 7);
      boolean seventhFigure = !figure.isEmpty() && !figure.equals("6") && !figure.equals("64");
      boolean hasSeventh = seventhFigure || mark == 'h' || mark == 'x' || alteredExtension;

      TreeSet<Interval> notes = new TreeSet<>();
      notes.add(Interval.ROOT);
      boolean diminishedTriad = mark == 'o' || mark == 'h' || mark == 'x' || (mark == 'd' && !hasSeventh);
      if (diminishedTriad) {
        notes.add(Interval.MINOR_THIRD);
        notes.add(Interval.DIMINISHED_FIFTH);
      } else if (mark == 'a') {
        notes.add(Interval.MAJOR_THIRD);
        notes.add(Interval.AUGMENTED_FIFTH);
      } else {
        notes.add(upper ? Interval.MAJOR_THIRD : Interval.MINOR_THIRD);
        notes.add(Interval.PERFECT_FIFTH);
      }
      if (suspension != null) {
        notes.removeIf(interval -> interval.degree() == 3);
        notes.add(suspension);
      }
      for (Interval alteration : alterations) {
        if (alteration.degree() <= 7) {
          notes.remove(alteration.unaltered());
          notes.add(alteration);
        }
      }
      if (hasSeventh) {
        Interval seventh;
        if (mark == 'x' || (mark == 'o' && hasSeventh)) {
          seventh = Interval.DIMINISHED_SEVENTH;
        } else if (mark == 'h' || mark == 'd' || (!upper && mark != 'a')) {
          seventh = Interval.MINOR_SEVENTH;
        } else {
          seventh = defaultUpperSeventh(root);
        }
        notes.add(seventh);
        switch (figure) {
          case "13":
            notes.add(Interval.natural(13));
            // fall through
          case "11":
            notes.add(Interval.natural(11));
            // fall through
          case "9":
            notes.add(Interval.natural(9));
            break;
          default:
            break;
        }
      }
      for (Interval alteration : alterations) {
        if (alteration.degree() > 7) {
          notes.remove(alteration.unaltered());
          notes.add(alteration);
        }
      }
      Interval bass = Interval.ROOT;
      switch (figure) {
        case "6":
        case "65":
          bass = member(notes, figureStart, figure, 3, Interval.PERFECT_FOURTH, Interval.natural(2));
          break;
        case "64":
        case "43":
          bass = member(notes, figureStart, figure, 5);
          break;
        case "42":
          bass = member(notes, figureStart, figure, 7);
          break;
        default:
          break;
      }
      ChordShape shape = ChordShape.bestFit(notes);
      return new RomanNumeral(root, shape.quality(), shape.added(), shape.omitted(), bass, target());
    }

    /** The chord member of {@code degree} (or the first fallback present) that a figure puts in the bass. */
    private Interval member(Set<Interval> notes, int figureStart, String figure, int degree, Interval... fallbacks) {
      for (Interval interval : notes) {
        if (interval.degree() == degree) {
          return interval;
        }
      }
      for (Interval fallback : fallbacks) {
        if (notes.contains(fallback)) {
          return fallback;
        }
      }
      pos = figureStart;
      throw error("a figure whose bass is in the chord (figure " + figure + " needs a "
          + (degree == 3 ? "third" : degree == 5 ? "fifth" : "seventh") + ")");
    }

    private Optional<RomanNumeral> target() {
      if (pos >= text.length()) {
        return Optional.empty();
      }
      if (text.charAt(pos) != '/') {
        throw error("a figure (6, 64, 7, 65, 43, 42, 9, 11, 13), s4, s2, an altered interval (b5, #9), "
            + "'/' and a target numeral, or the end");
      }
      pos++;
      return Optional.of(numeral(true));
    }

    ChordSyntaxException error(String expected) {
      return new ChordSyntaxException(NOTATION, text, pos, expected);
    }
  }
}
