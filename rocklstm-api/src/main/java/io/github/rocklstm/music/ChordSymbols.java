package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads and writes chord symbols in two notations.
 *
 * <h2>Harte</h2>
 * The syntax of Harte et al. (ISMIR 2005) as the Billboard and MARL annotations use it:
 * {@code root[:shorthand][(intervals)][/bass]}, or {@code N} (no chord) or {@code X} (unknown). The root is a
 * capital letter A-G with any number of {@code b}/{@code #}; the shorthand is one of {@link ChordQuality}'s
 * ({@code maj min dim aug sus2 sus4 5 1 maj6 min6 7 maj7 min7 hdim7 dim7 minmaj7 9 maj9 min9 11 min11 13 maj13
 * min13}); the list adds intervals and removes those written with {@code *} ({@code C:min7(*b3,11)}); a list
 * with no shorthand ({@code C:(1,3,5)}) is exactly those intervals; no shorthand and no list means major
 * ({@code C}, {@code C/3}). {@link #formatHarte} writes the canonical form: the root spelled as
 * {@link #canonicalRootName}, always a colon and a shorthand when the intervals match one ({@code C:maj},
 * {@code Bb:7(b9)/3}), list entries sorted by degree.
 *
 * <h2>Lead sheet</h2>
 * Jazz and pop chord-chart symbols ({@code C Cm Cmaj7 CM7 C7 Cm7b5 F#m7b5 Bbm7 Bb/D E5 Csus4 C6 C69 C9 C13#11
 * Cdim7 Co7 Cø7 Ch7 C+ Caug C7alt CmMaj7 Cm(maj7) C7sus4 C2 C4 Cadd9 NC}); see {@link #parseLeadSheet} for the
 * grammar. They are read into the notes they name and then into a structure with
 * {@link Chord#fromIntervals}, so two spellings of the same sound ({@code C7sus4}, {@code Csus4add b7}) give
 * equal chords.
 *
 * <p>Errors are {@link ChordSyntaxException}s naming the text, the position and what was expected there.
 */
public final class ChordSymbols {

  private static final String[] CANONICAL_ROOT_NAMES =
      {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

  private static final String HARTE = "Harte chord";
  private static final String LEAD_SHEET = "lead-sheet chord";

  private ChordSymbols() {}

  /**
   * The spelling of roots in canonical labels and tokens: {@code C Db D Eb E F F# G Ab A Bb B} (the spellings
   * most common in the Billboard annotations).
   */
  public static String canonicalRootName(PitchClass pitchClass) {
    return CANONICAL_ROOT_NAMES[pitchClass.semitone()];
  }

  // ---------------------------------------------------------------------------------------------- Harte

  /**
   * Parses a Harte label: {@code N}, {@code X}, {@code C}, {@code C/3}, {@code C:maj}, {@code Bb:min7/b7},
   * {@code C:maj(9)}, {@code A:min7(*b3,11)}, {@code C:(1,3,5)}, {@code F#:sus4(b7,9)/5}.
   *
   * @throws ChordSyntaxException naming the text, the position and what was expected there
   */
  public static Chord parseHarte(String text) {
    Preconditions.checkNotNull(text, "text");
    if (text.equals("N")) {
      return Chord.NO_CHORD;
    }
    if (text.equals("X")) {
      return Chord.UNKNOWN;
    }
    int rootLength = rootLength(text, 0);
    if (rootLength == 0) {
      throw new ChordSyntaxException(HARTE, text, 0, "a root note (A-G, then any b or #), N or X");
    }
    PitchClass root = PitchClass.parsePrefix(text, 0);
    int pos = rootLength;
    ChordQuality quality = ChordQuality.MAJOR;
    Set<Interval> added = new TreeSet<>();
    Set<Interval> omitted = new TreeSet<>();
    String expectedNext = "':' and a quality, '/' and a bass interval, or the end";
    int listStart = -1;
    if (pos < text.length() && text.charAt(pos) == ':') {
      pos++;
      int end = pos;
      while (end < text.length() && isAsciiLetterOrDigit(text.charAt(end))) {
        end++;
      }
      String shorthand = text.substring(pos, end);
      if (shorthand.isEmpty()) {
        if (end >= text.length() || text.charAt(end) != '(') {
          throw new ChordSyntaxException(HARTE, text, pos,
              "a quality shorthand (" + ChordQuality.harteShorthands() + ") or '(' and an interval list");
        }
        quality = ChordQuality.NONE;
      } else {
        final int at = pos;
        quality = ChordQuality.fromHarte(shorthand).orElseThrow(() -> new ChordSyntaxException(HARTE, text, at,
            "a quality shorthand (" + ChordQuality.harteShorthands() + ") or '(', not '" + shorthand + "'"));
      }
      pos = end;
      expectedNext = "'(' and an interval list, '/' and a bass interval, or the end";
      if (pos < text.length() && text.charAt(pos) == '(') {
        listStart = pos;
        pos = readIntervalList(HARTE, text, pos + 1, added, omitted);
        expectedNext = "'/' and a bass interval, or the end";
      }
    }
    Interval bass = Interval.ROOT;
    if (pos < text.length() && text.charAt(pos) == '/') {
      int length = Interval.parsedLength(text, pos + 1);
      if (length == 0) {
        throw new ChordSyntaxException(HARTE, text, pos + 1, "a bass interval such as 3, b7 or 5 after '/'");
      }
      bass = Interval.parsePrefix(text, pos + 1);
      pos += 1 + length;
      expectedNext = "the end of the label";
    }
    if (pos != text.length()) {
      throw new ChordSyntaxException(HARTE, text, pos, expectedNext);
    }
    try {
      return Chord.of(root, quality, added, omitted, bass);
    } catch (IllegalArgumentException e) {
      throw new ChordSyntaxException(HARTE, text, Math.max(listStart, 0), "at least one sounding interval");
    }
  }

  /**
   * The canonical Harte label: {@code N}, {@code X}, or root (as {@link #canonicalRootName}), colon, shorthand
   * (none for {@link ChordQuality#NONE}), the added and {@code *}omitted intervals in degree order, and
   * {@code /bass} when not in root position: {@code C:maj}, {@code A:min7(*b3,11)}, {@code Bb:maj/3},
   * {@code E:(1,b3,b5,6)}. {@code parseHarte(formatHarte(c))} equals {@code c}.
   */
  public static String formatHarte(Chord chord) {
    Preconditions.checkNotNull(chord, "chord");
    if (chord.isNoChord()) {
      return "N";
    }
    if (chord.isUnknown()) {
      return "X";
    }
    return canonicalRootName(chord.root()) + ":"
        + formatShape(chord.quality(), chord.added(), chord.omitted(), chord.bassInterval());
  }

  /** The part of a Harte label after the colon: {@code maj7(#11)/3}. Shared with {@link RomanNumeral}. */
  static String formatShape(ChordQuality quality, Set<Interval> added, Set<Interval> omitted, Interval bass) {
    StringBuilder out = new StringBuilder(quality.harte());
    if (!added.isEmpty() || !omitted.isEmpty() || quality == ChordQuality.NONE) {
      TreeMap<Interval, Boolean> entries = new TreeMap<>();
      added.forEach(interval -> entries.put(interval, true));
      omitted.forEach(interval -> entries.put(interval, false));
      out.append('(');
      String separator = "";
      for (var entry : entries.entrySet()) {
        out.append(separator).append(entry.getValue() ? "" : "*").append(entry.getKey());
        separator = ",";
      }
      out.append(')');
    }
    if (!bass.equals(Interval.ROOT)) {
      out.append('/').append(bass);
    }
    return out.toString();
  }

  /**
   * Reads a Harte interval list from {@code pos} (just after the opening parenthesis) up to and including the
   * closing one, filling {@code added} and {@code omitted} ({@code *}-prefixed entries); returns the position
   * after the closing parenthesis.
   */
  static int readIntervalList(String notation, String text, int pos, Set<Interval> added, Set<Interval> omitted) {
    while (true) {
      boolean omit = pos < text.length() && text.charAt(pos) == '*';
      int start = omit ? pos + 1 : pos;
      int length = Interval.parsedLength(text, start);
      if (length == 0) {
        throw new ChordSyntaxException(notation, text, start,
            "an interval such as 3, b7 or #11" + (omit ? "" : " (or * and an interval to omit)") + " in the list");
      }
      (omit ? omitted : added).add(Interval.parsePrefix(text, start));
      pos = start + length;
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      } else if (pos < text.length() && text.charAt(pos) == ')') {
        return pos + 1;
      } else {
        throw new ChordSyntaxException(notation, text, pos, "',' or ')' after an interval in the list");
      }
    }
  }

  // ----------------------------------------------------------------------------------------- lead sheet

  /**
   * Parses a lead-sheet chord symbol.
   *
   * <p>{@code NC}, {@code N.C.} and {@code N} are {@link Chord#NO_CHORD}; {@code X} is {@link Chord#UNKNOWN}.
   * Otherwise: a root (capital A-G with {@code #}/{@code b}/{@code ♯}/{@code ♭}), then in this order
   * <ol>
   *   <li>an optional quality word: {@code m mi min -} (minor); {@code M maj Maj Δ ^} (major: sevenths become
   *       major sevenths); {@code mM mMaj mmaj minmaj m(maj} (minor with major seventh); {@code dim o °}
   *       (diminished: {@code 7} becomes {@code bb7}); {@code ø h} (half-diminished seventh);
   *       {@code aug +} (augmented);
   *   <li>an optional number: {@code 5} (power chord, only without a quality word), {@code 6}, {@code 69} or
   *       {@code 6/9} (6 and 9), {@code 67} (6 and the seventh), {@code 7}, {@code 9}, {@code 11}, {@code 13}
   *       (the seventh and every stacked third up to that number, as Harte's shorthands), {@code 2} (adds the
   *       2: {@code C2} is C-D-E-G), {@code 4} (a sus4: {@code C4} is {@code Csus4});
   *   <li>any number of modifiers, optionally in parentheses and separated by commas: {@code sus}/{@code sus4}
   *       (the 4 replaces the third, and the 11 if any), {@code sus2}, {@code sus24}; {@code addX} (adds
   *       interval X: {@code add9}, {@code addb9}); {@code noX} or {@code omitX} (removes X; a plain degree
   *       removes the natural interval, or any of that degree when the natural is absent); an altered interval
   *       {@code b5 #5 b9 #9 #11 b13 b6 ...} (replaces the natural of its degree, or adds it); {@code +} (as
   *       {@code #5}); {@code alt} (no 5; b9, #9, #11, b13); {@code maj7 M7 maj9 M9} (add the major seventh,
   *       and the 9);
   *   <li>an optional {@code /} and a bass note ({@code Bb/D}); a bass that is not a chord tone is spelled as
   *       the usual interval ({@code 1 b2 2 b3 3 4 b5 5 b6 6 b7 7}).
   * </ol>
   *
   * @throws ChordSyntaxException naming the text, the position and what was expected there
   */
  public static Chord parseLeadSheet(String text) {
    Preconditions.checkNotNull(text, "text");
    switch (text) {
      case "NC":
      case "N.C.":
      case "N.C":
      case "N":
        return Chord.NO_CHORD;
      case "X":
        return Chord.UNKNOWN;
      default:
        return new LeadSheetReader(text).read();
    }
  }

  /**
   * Writes a lead-sheet symbol that {@link #parseLeadSheet} reads back to the same notes and bass: {@code NC},
   * {@code X}, or the root ({@code preferFlats} picks {@code Bb} over {@code A#}), a suffix and {@code /bass}.
   * The suffix is the usual one when the notes match it ({@code Cm7b5}, {@code C7sus4}, {@code C69}), else the
   * usual one that needs the fewest modifiers (then the fewest {@code no}s, then the shortest), with altered
   * fifths and extensions written bare and everything else as {@code addX} and {@code noX}
   * ({@code C7b9#11}, {@code Cmaj7add13}, {@code Cm7add11}, {@code C(add9)} is written {@code Cadd9}); the root
   * alone is {@code C(no3,no5)}.
   * {@code parseLeadSheet(formatLeadSheet(c, f))} has the same {@link Chord#intervals()} and bass as {@code c};
   * it equals {@code c} when {@code c} came from {@link #parseLeadSheet} or {@link Chord#fromIntervals}.
   */
  public static String formatLeadSheet(Chord chord, boolean preferFlats) {
    return formatLeadSheet(chord, pitchClass -> pitchClass.name(preferFlats));
  }

  /**
   * As {@link #formatLeadSheet(Chord, boolean)}, with the root and bass spelled as {@code key} spells them
   * ({@link Key#spell}: {@code Bb} for the bVII of C major, {@code D} for the bVII of E major).
   */
  public static String formatLeadSheet(Chord chord, Key key) {
    Preconditions.checkNotNull(key, "key");
    return formatLeadSheet(chord, key::spell);
  }

  private static String formatLeadSheet(Chord chord, Function<PitchClass, String> noteName) {
    Preconditions.checkNotNull(chord, "chord");
    if (chord.isNoChord()) {
      return "NC";
    }
    if (chord.isUnknown()) {
      return "X";
    }
    String root = noteName.apply(chord.root());
    String bass = chord.isRootPosition() ? "" : "/" + noteName.apply(chord.bass());
    ImmutableSortedSet<Interval> notes = chord.intervals();
    if (notes.equals(ChordQuality.ROOT_ONLY.intervals())) {
      return root + ChordQuality.ROOT_ONLY.leadSheetSuffix() + bass;
    }
    // Rank every usual suffix by what it would take (cheap), then write and check the best ones in order.
    List<LeadSheetHead> heads = LeadSheetHead.HEADS;
    Integer[] order = new Integer[heads.size()];
    long[] ranks = new long[heads.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      ranks[i] = heads.get(i).rank(notes, i);
    }
    java.util.Arrays.sort(order, Comparator.comparingLong(i -> ranks[i]));
    for (int i : order) {
      LeadSheetHead head = heads.get(i);
      List<String> tokens = head.modifiersTo(notes);
      String suffix = head.suffix.isEmpty() && !tokens.isEmpty()
          ? "(" + String.join(",", tokens) + ")"
          : head.suffix + String.join("", tokens);
      String candidate = root + suffix + bass;
      if (readsBackAs(candidate, chord)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no lead-sheet symbol reads back as " + formatHarte(chord));
  }

  private static boolean readsBackAs(String symbol, Chord chord) {
    try {
      Chord back = parseLeadSheet(symbol);
      return back.isPitched() && back.intervals().equals(chord.intervals()) && back.bass() == chord.bass()
          && back.root() == chord.root();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A usual lead-sheet suffix and the notes it names, used to write symbols. */
  private static final class LeadSheetHead {
    static final ImmutableList<LeadSheetHead> HEADS = heads();
    /** Degrees whose alterations are written bare ({@code b5 #5 b9 #9 #11 b13}); others use add/no. */
    static final Set<Integer> ALTERABLE_DEGREES = Set.of(5, 9, 11, 13);

    final String suffix;
    final ImmutableSortedSet<Interval> notes;

    LeadSheetHead(String suffix, ImmutableSortedSet<Interval> notes) {
      this.suffix = suffix;
      this.notes = notes;
    }

    private static ImmutableList<LeadSheetHead> heads() {
      ImmutableList.Builder<LeadSheetHead> heads = ImmutableList.builder();
      for (ChordQuality quality : ChordQuality.values()) {
        if (quality != ChordQuality.NONE && quality != ChordQuality.ROOT_ONLY) {
          heads.add(new LeadSheetHead(quality.leadSheetSuffix(), quality.intervals()));
        }
      }
      String[][] more = {
        {"7sus4", "1,4,5,b7"}, {"9sus4", "1,4,5,b7,9"}, {"13sus4", "1,4,5,b7,9,13"}, {"69", "1,3,5,6,9"},
        {"m69", "1,b3,5,6,9"}, {"add9", "1,3,5,9"}, {"madd9", "1,b3,5,9"}, {"7#5", "1,3,#5,b7"}
      };
      for (String[] head : more) {
        ImmutableSortedSet.Builder<Interval> notes = ImmutableSortedSet.naturalOrder();
        for (String interval : head[1].split(",")) {
          notes.add(Interval.parse(interval));
        }
        heads.add(new LeadSheetHead(head[0], notes.build()));
      }
      return heads.build();
    }

    /**
     * How good this head is for {@code target}, smaller is better: the number of modifiers, then of {@code no}
     * modifiers, then the suffix length, then the head's position {@code index}, packed into one long.
     */
    long rank(Set<Interval> target, int index) {
      int tokens = 0;
      int removals = 0;
      int length = suffix.length();
      Set<Interval> replaced = new TreeSet<>();
      for (Interval extra : target) {
        if (!notes.contains(extra)) {
          tokens++;
          boolean bare = extra.isAltered() && ALTERABLE_DEGREES.contains(extra.degree())
              && !target.contains(extra.unaltered());
          length += extra.toString().length() + (bare ? 0 : 3);
          if (bare) {
            replaced.add(extra.unaltered());
          }
        }
      }
      for (Interval missing : notes) {
        if (!target.contains(missing) && !replaced.contains(missing)) {
          tokens++;
          removals++;
          length += missing.toString().length() + 2;
        }
      }
      return ((long) tokens << 48) | ((long) removals << 32) | ((long) Math.min(length, 0xffff) << 16) | index;
    }

    /** The modifiers that turn this head's notes into {@code target}, in the order the parser applies them. */
    List<String> modifiersTo(Set<Interval> target) {
      List<String> tokens = new ArrayList<>();
      Set<Interval> replaced = new TreeSet<>();
      for (Interval extra : Sets.difference(target, notes)) {
        if (extra.isAltered() && ALTERABLE_DEGREES.contains(extra.degree())
            && !target.contains(extra.unaltered())) {
          tokens.add(extra.toString());
          replaced.add(extra.unaltered());
        } else {
          tokens.add("add" + extra);
        }
      }
      for (Interval missing : Sets.difference(notes, target)) {
        if (!replaced.contains(missing)) {
          tokens.add("no" + missing);
        }
      }
      return tokens;
    }
  }

  /** The lead-sheet grammar of {@link #parseLeadSheet}, one symbol at a time. */
  private static final class LeadSheetReader {
    private static final String[] MINOR_MAJOR_WORDS =
        {"minmaj", "minMaj", "mMaj", "mmaj", "m(maj", "m(Maj", "-maj", "-Maj", "mM", "m\u0394", "-\u0394", "m^"};
    private static final String[] MAJOR_WORDS = {"maj", "Maj", "MAJ", "M", "\u0394", "^"};
    private static final String[] MINOR_WORDS = {"min", "mi", "m", "-"};
    private static final String[] DIMINISHED_WORDS = {"dim", "o", "\u00B0"};
    private static final String[] HALF_DIMINISHED_WORDS = {"\u00F8", "h"};
    private static final String[] AUGMENTED_WORDS = {"aug", "+"};
    private static final String[] NUMBERS = {"6/9", "69", "67", "13", "11", "9", "7", "6", "5", "4", "2"};
    private static final String EXPECTED_MODIFIER = "a suffix part (7, 9, 11, 13, 6, sus4, sus2, add9, no3, b5, #5, "
        + "b9, #9, #11, b13, alt, +, maj7) or '/' and a bass note";

    private final String text;
    private final TreeSet<Interval> notes = new TreeSet<>();
    private int pos;
    private int end;
    private boolean qualityWord;
    private boolean majorSeventh;
    private boolean diminished;

    LeadSheetReader(String text) {
      this.text = text;
    }

    Chord read() {
      int rootLength = rootLength(text, 0);
      if (rootLength == 0) {
        throw error(0, "a root note (A-G, then any # or b) or NC");
      }
      PitchClass root = PitchClass.parsePrefix(text, 0);
      pos = rootLength;
      end = text.length();
      PitchClass bass = null;
      for (int slash = text.indexOf('/', pos); slash >= 0; slash = text.indexOf('/', slash + 1)) {
        int length = rootLength(text, slash + 1);
        if (length > 0 && slash + 1 + length == text.length()) {
          bass = PitchClass.parsePrefix(text, slash + 1);
          end = slash;
          break;
        }
      }
      notes.addAll(ChordQuality.MAJOR.intervals());
      readQualityWord();
      readNumber();
      readModifiers();
      if (notes.isEmpty()) {
        throw error(end, "a symbol that leaves at least one note sounding");
      }
      Interval bassInterval = Interval.ROOT;
      if (bass != null) {
        int semitones = root.semitonesUpTo(bass);
        bassInterval = notes.stream().filter(interval -> interval.pitchClassOffset() == semitones).findFirst()
            .orElse(Interval.fromSemitones(semitones));
      }
      return Chord.fromIntervals(root, notes, bassInterval);
    }

    private void readQualityWord() {
      if (take(MINOR_MAJOR_WORDS) != null) {
        setNotes("1,b3,5");
        majorSeventh = true;
      } else if (take(MAJOR_WORDS) != null) {
        majorSeventh = true;
      } else if (take(MINOR_WORDS) != null) {
        setNotes("1,b3,5");
      } else if (take(DIMINISHED_WORDS) != null) {
        setNotes("1,b3,b5");
        diminished = true;
      } else if (take(HALF_DIMINISHED_WORDS) != null) {
        setNotes("1,b3,b5,b7");
      } else if (take(AUGMENTED_WORDS) != null) {
        setNotes("1,3,#5");
      } else {
        return;
      }
      qualityWord = true;
    }

    private void readNumber() {
      int start = pos;
      String number = take(NUMBERS);
      if (number == null) {
        return;
      }
      switch (number) {
        case "5":
          if (qualityWord) {
            pos = start;
            return;
          }
          setNotes("1,5");
          break;
        case "6":
          notes.add(Interval.MAJOR_SIXTH);
          break;
        case "6/9":
        case "69":
          notes.add(Interval.MAJOR_SIXTH);
          notes.add(Interval.natural(9));
          break;
        case "67":
          notes.add(Interval.MAJOR_SIXTH);
          notes.add(seventh());
          break;
        case "13":
          notes.add(Interval.natural(13));
          // fall through: 13 has the 11, 9 and seventh too
        case "11":
          notes.add(Interval.natural(11));
          // fall through
        case "9":
          notes.add(Interval.natural(9));
          // fall through
        case "7":
          notes.add(seventh());
          break;
        case "4":
          suspend(Interval.PERFECT_FOURTH);
          break;
        case "2":
          notes.add(Interval.natural(2));
          break;
        default:
          throw new AssertionError(number);
      }
    }

    private Interval seventh() {
      if (notes.contains(Interval.MINOR_SEVENTH)) {
        return Interval.MINOR_SEVENTH;
      }
      return diminished ? Interval.DIMINISHED_SEVENTH : majorSeventh ? Interval.MAJOR_SEVENTH : Interval.MINOR_SEVENTH;
    }

    private void readModifiers() {
      while (pos < end) {
        char c = text.charAt(pos);
        if (c == '(' || c == ')' || c == ',') {
          pos++;
        } else if (take("sus24", "sus42") != null) {
          suspend(Interval.natural(2));
          notes.add(Interval.PERFECT_FOURTH);
        } else if (take("sus2") != null) {
          suspend(Interval.natural(2));
        } else if (take("sus4", "sus") != null) {
          suspend(Interval.PERFECT_FOURTH);
        } else if (take("add") != null) {
          notes.add(interval("an interval after 'add' (add9, addb9, add#11)"));
        } else if (take("no", "omit") != null) {
          Interval removed = interval("an interval after 'no' (no3, no5, nob7)");
          if (removed.isAltered() || notes.contains(removed)) {
            notes.remove(removed);
          } else {
            notes.removeIf(interval -> interval.degree() == removed.degree());
          }
        } else if (take("alt") != null) {
          notes.remove(Interval.PERFECT_FIFTH);
          notes.remove(Interval.natural(9));
          notes.addAll(List.of(Interval.of(9, -1), Interval.of(9, 1), Interval.of(11, 1), Interval.of(13, -1)));
        } else if (take("+") != null) {
          alter(Interval.AUGMENTED_FIFTH);
        } else if (take("maj9", "Maj9", "M9", "\u03949", "^9") != null) {
          notes.add(Interval.MAJOR_SEVENTH);
          notes.add(Interval.natural(9));
        } else if (take("maj7", "Maj7", "M7", "\u03947", "^7") != null) {
          notes.add(Interval.MAJOR_SEVENTH);
        } else if ((c == 'b' || c == '#' || c == '\u266D' || c == '\u266F') && alteredIntervalLength() > 0) {
          int length = alteredIntervalLength();
          alter(Interval.parse(text.substring(pos, pos + length).replace('\u266D', 'b').replace('\u266F', '#')));
          pos += length;
        } else {
          throw error(pos, EXPECTED_MODIFIER);
        }
      }
    }

    private int alteredIntervalLength() {
      String ascii = text.substring(pos, end).replace('\u266D', 'b').replace('\u266F', '#');
      return Interval.parsedLength(ascii, 0);
    }

    private Interval interval(String expected) {
      int length = Interval.parsedLength(text.substring(0, end), pos);
      if (length == 0) {
        throw error(pos, expected);
      }
      Interval interval = Interval.parsePrefix(text, pos);
      pos += length;
      return interval;
    }

    private void suspend(Interval replacement) {
      notes.removeIf(interval -> interval.degree() == 3);
      if (replacement.degree() == 4) {
        notes.remove(Interval.natural(11));
      }
      notes.add(replacement);
    }

    private void alter(Interval altered) {
      notes.remove(altered.unaltered());
      notes.add(altered);
    }

    private void setNotes(String intervals) {
      notes.clear();
      for (String interval : intervals.split(",")) {
        notes.add(Interval.parse(interval));
      }
    }

    /** Consumes the first of {@code words} found at the position (before the bass), or returns null. */
    private String take(String... words) {
      for (String word : words) {
        if (text.startsWith(word, pos) && pos + word.length() <= end) {
          pos += word.length();
          return word;
        }
      }
      return null;
    }

    private ChordSyntaxException error(int position, String expected) {
      return new ChordSyntaxException(LEAD_SHEET, text, position, expected);
    }
  }

  // --------------------------------------------------------------------------------------------- shared

  /** The length of a root note at {@code start}: a capital A-G and its accidentals; 0 when there is none. */
  static int rootLength(String text, int start) {
    if (start >= text.length() || text.charAt(start) < 'A' || text.charAt(start) > 'G') {
      return 0;
    }
    return PitchClass.parsedLength(text, start);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
