package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordQuality;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.MeterChange;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Section;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokenizes chord progressions.
 *
 * <h2>Tokens</h2>
 * <ul>
 *   <li>a chord is the canonical Harte label of the chord reduced to the {@link Settings#level()}
 *       ({@link ChordSymbols#formatHarte}): {@code C:maj}, {@code A:min}, {@code N}, and at FULL level
 *       {@code Bb:7(b9)/3}; {@link Chord#UNKNOWN} and chords the vocabulary lacks become UNK;
 *   <li>{@value #BAR} starts each bar in {@link TimeMode#PER_BAR};
 *   <li>{@code <section:verse>} before the first chord of a section when {@link Settings#sectionTokens()} is on;
 *       labels are normalised with {@link #normalizeLabel} (lower case, runs of other characters than
 *       {@code a-z 0-9 -} become {@code _}); a section the vocabulary lacks gets no token;
 *   <li>{@code <genre:rock>} right after START when {@link Settings#genreToken()} is on: the genre passed to
 *       {@link #encode(ChordProgression, String)}, normalised the same way, or UNK when none is given or the
 *       vocabulary lacks it.
 * </ul>
 * So a sequence is {@code START [genre] (bar | section | chord)* END}.
 *
 * <h2>Time</h2>
 * <ul>
 *   <li>{@link TimeMode#CHANGES}: one token per chord change; durations are dropped and an event whose token
 *       equals the previous one adds nothing (a section token starts a new change). {@link #decode} gives every
 *       chord one bar ({@link Meter#beatsPerBar()} beats).
 *   <li>{@link TimeMode#PER_BEAT}: one chord token per beat. Event boundaries are rounded to whole beats
 *       (cumulative beat positions rounded half up, with a tolerance of 1e-9 beats for floating-point error), so
 *       the total length and bar positions are kept while an event shorter than a beat may vanish (its section
 *       start moves to the next event) and fractional durations become whole ones: fractional-beat events cannot
 *       round-trip. {@link #decode} merges a run of equal chord tokens into one event, so two adjacent events with
 *       the same chord come back as one (unless a section token separates them).
 *   <li>{@link TimeMode#PER_BAR}: as PER_BEAT, with {@value #BAR} before the first beat of every bar (then the
 *       section token, then the chord). Bars follow the progression's {@link MeterChange}s
 *       ({@link ChordProgression#bars()}): a change starts a new bar at its event's rounded start beat.
 * </ul>
 *
 * <h2>Metre</h2>
 * There are no metre tokens. CHANGES and PER_BEAT keep no metre at all: {@link #decode(int[], Meter)} gives the
 * metre it is passed (4/4 for null) and no changes. PER_BAR keeps each bar's length in beats, and
 * {@link #decode(int[], Meter)} rebuilds the metres from it: a bar of {@code meter}'s {@link Meter#beatsPerBar()}
 * beats is in {@code meter}, a bar of n other beats in n/4; the progression opens in its first bar's metre, a
 * {@link MeterChange} starts wherever a bar's metre differs from the one before, and a run of equal chords is cut
 * there. Two things are lost: the note value of a beat (a 6/8 or 2/2 bar comes back as 2/4 unless {@code meter}
 * has two beats a bar; a change between metres with equal beats per bar, 4/4 to 12/8, leaves no trace), and the
 * metre of a last bar that is shorter than the metre before it and not {@code meter}'s length: it reads as an
 * incomplete bar of the metre before (as the last bar of most songs is). So every bar line comes back where it was,
 * and the progression's bars ({@link ChordProgression#bars()}) are the encoded ones.
 *
 * <h2>Vocabulary</h2>
 * {@link #fit} collects the tokens of a training set; {@link #withAllChords} lists every chord of a reduced level
 * (MAJMIN: 24 triads plus N). Either way the order is: the five specials, {@value #BAR} (PER_BAR only), section
 * tokens, genre tokens (both sorted), {@code N}, then chords by root (C first), quality and label.
 */
public final class ChordTokenizer implements Tokenizer<ChordProgression> {

  /** The bar-line token of {@link TimeMode#PER_BAR}. */
  public static final String BAR = "|";

  private static final String SECTION_PREFIX = "<section:";
  /** Tolerance of the beat rounding, for floating-point error in cumulative positions. */
  private static final double EPSILON = 1e-9;
  private static final String GENRE_PREFIX = "<genre:";

  /** How time is written. */
  public enum TimeMode {
    /** One token per chord change, durations dropped. */
    CHANGES,
    /** One token per beat. */
    PER_BEAT,
    /** One token per beat and a bar-line token at the start of each bar. */
    PER_BAR
  }

  /**
   * What a {@link ChordTokenizer} writes.
   *
   * @param level how much of each chord is kept
   * @param timeMode how time is written
   * @param sectionTokens whether section starts get tokens
   * @param genreToken whether a genre token follows START
   */
  public record Settings(VocabularyLevel level, TimeMode timeMode, boolean sectionTokens, boolean genreToken) {

    /** MAJMIN chords, one token per change, no section or genre tokens. */
    public static final Settings DEFAULT = new Settings(VocabularyLevel.MAJMIN, TimeMode.CHANGES, false, false);

    public Settings {
      Preconditions.checkNotNull(level, "level");
      Preconditions.checkNotNull(timeMode, "timeMode");
    }
  }

  private final Settings settings;
  private final Vocabulary vocabulary;
  private final Chord[] chordById;
  private final String[] sectionById;
  private final boolean[] genreById;
  private final int barId;
  /** Chord to id at this level: a cache, since reducing and formatting costs more than a lookup. */
  private final ConcurrentHashMap<Chord, Integer> idByChord = new ConcurrentHashMap<>();
  /** Section label and genre (as given) to token id: caches, since normalising a label costs two regexes. */
  private final ConcurrentHashMap<String, Integer> idBySection = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Integer> idByGenre = new ConcurrentHashMap<>();

  /**
   * A tokenizer over a given vocabulary (as stored with a model).
   *
   * @throws IllegalArgumentException when a token is neither a special, {@value #BAR}, a section or genre token,
   *     nor a canonical chord label at the settings' level, or when PER_BAR lacks {@value #BAR}
   */
  public ChordTokenizer(Settings settings, Vocabulary vocabulary) {
    this.settings = Preconditions.checkNotNull(settings, "settings");
    this.vocabulary = Preconditions.checkNotNull(vocabulary, "vocabulary");
    int size = vocabulary.size();
    chordById = new Chord[size];
    sectionById = new String[size];
    genreById = new boolean[size];
    int bar = -1;
    for (int id = Vocabulary.SPECIAL_TOKENS.size(); id < size; id++) {
      String token = vocabulary.token(id);
      if (token.equals(BAR)) {
        bar = id;
      } else if (token.startsWith(SECTION_PREFIX) && token.endsWith(">")) {
        sectionById[id] = token.substring(SECTION_PREFIX.length(), token.length() - 1);
      } else if (token.startsWith(GENRE_PREFIX) && token.endsWith(">")) {
        genreById[id] = true;
      } else {
        chordById[id] = canonicalChord(token, id);
      }
    }
    this.barId = bar;
    Preconditions.checkArgument(settings.timeMode() != TimeMode.PER_BAR || bar >= 0,
        "time mode PER_BAR needs the bar token '%s' in the vocabulary", BAR);
  }

  private Chord canonicalChord(String token, int id) {
    Chord chord;
    try {
      chord = ChordSymbols.parseHarte(token);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vocabulary token '" + token + "' (id " + id + ") is not a special, '"
          + BAR + "', <section:...>, <genre:...> or a Harte chord label: " + e.getMessage(), e);
    }
    Preconditions.checkArgument(!chord.isUnknown(), "vocabulary token 'X' (id %s): unknown chords are UNK", id);
    Preconditions.checkArgument(chord.reduce(settings.level()).equals(chord)
            && ChordSymbols.formatHarte(chord).equals(token),
        "vocabulary token '%s' (id %s) is not a canonical chord label at level %s (expected '%s')", token, id,
        settings.level(), ChordSymbols.formatHarte(chord.reduce(settings.level())));
    return chord;
  }

  /** A tokenizer whose vocabulary holds every token of {@code progressions} (see the class comment). */
  public static ChordTokenizer fit(Settings settings, Iterable<ChordProgression> progressions) {
    return fit(settings, progressions, List.of());
  }

  /** As {@link #fit(Settings, Iterable)}, with genre tokens for {@code genres} when the settings ask for them. */
  public static ChordTokenizer fit(Settings settings, Iterable<ChordProgression> progressions,
      Collection<String> genres) {
    Preconditions.checkNotNull(settings, "settings");
    Preconditions.checkNotNull(progressions, "progressions");
    TreeSet<String> sections = new TreeSet<>();
    // Distinct chords first (sorting formats labels); readers share chord instances, so identity weeds out most.
    Set<Chord> instances = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ChordProgression progression : progressions) {
      for (ChordEvent event : progression.events()) {
        instances.add(event.chord());
      }
      progression.sections().forEach(section -> sections.add(section.label()));
    }
    Set<Chord> chords = new HashSet<>();
    for (Chord chord : instances) {
      if (!chord.isUnknown()) {
        chords.add(chord.reduce(settings.level()));
      }
    }
    return new ChordTokenizer(settings, buildVocabulary(settings, chords, sections, genres));
  }

  /**
   * A tokenizer whose vocabulary holds every chord of the settings' level: 12 roots times the level's qualities,
   * plus N (25 chords at MAJMIN, 85 at TRIADS, 181 at SEVENTHS), with these section labels and genres.
   *
   * @throws IllegalArgumentException at {@link VocabularyLevel#FULL}, which has no finite chord list
   */
  public static ChordTokenizer withAllChords(Settings settings, Collection<String> sectionLabels,
      Collection<String> genres) {
    Preconditions.checkNotNull(settings, "settings");
    Preconditions.checkArgument(settings.level() != VocabularyLevel.FULL,
        "the FULL level has no finite chord list: use fit() on a training set");
    List<Chord> chords = new ArrayList<>();
    for (PitchClass root : PitchClass.values()) {
      for (ChordQuality quality : settings.level().qualities()) {
        chords.add(Chord.of(root, quality));
      }
    }
    return new ChordTokenizer(settings, buildVocabulary(settings, chords, sectionLabels, genres));
  }

  private static Vocabulary buildVocabulary(Settings settings, Collection<Chord> chords,
      Collection<String> sectionLabels, Collection<String> genres) {
    Vocabulary.Builder builder = Vocabulary.builder();
    if (settings.timeMode() == TimeMode.PER_BAR) {
      builder.add(BAR);
    }
    if (settings.sectionTokens()) {
      TreeSet<String> tokens = new TreeSet<>();
      sectionLabels.forEach(label -> tokens.add(sectionToken(label)));
      builder.addAll(tokens);
    }
    if (settings.genreToken()) {
      TreeSet<String> tokens = new TreeSet<>();
      genres.forEach(genre -> tokens.add(genreToken(genre)));
      builder.addAll(tokens);
    }
    builder.add(ChordSymbols.formatHarte(Chord.NO_CHORD));
    TreeMap<Chord, String> sorted = new TreeMap<>(Comparator.comparingInt((Chord c) -> c.root().semitone())
        .thenComparing(Chord::quality).thenComparing(ChordSymbols::formatHarte));
    for (Chord chord : chords) {
      if (chord.isPitched()) {
        sorted.put(chord, ChordSymbols.formatHarte(chord));
      }
    }
    builder.addAll(sorted.values());
    return builder.build();
  }

  /** The settings. */
  public Settings settings() {
    return settings;
  }

  /** {@inheritDoc} */
  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The token string of a chord at this tokenizer's level, or {@link Vocabulary#UNK} when it has none. */
  public String chordToken(Chord chord) {
    return vocabulary.token(chordId(chord));
  }

  private int chordId(Chord chord) {
    if (chord.isUnknown()) {
      return Vocabulary.UNK_ID;
    }
    return idByChord.computeIfAbsent(chord,
        c -> vocabulary.idOf(ChordSymbols.formatHarte(c.reduce(settings.level()))));
  }

  /** The chord id of every event; a chord instance that several events share is looked up once. */
  private int[] chordIds(List<ChordEvent> events) {
    int[] ids = new int[events.size()];
    IdentityHashMap<Chord, Integer> seen = new IdentityHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      ids[i] = seen.computeIfAbsent(events.get(i).chord(), this::chordId);
    }
    return ids;
  }

  /** The id of a genre's token, UNK for null or a genre the vocabulary lacks. */
  private int genreId(String genre) {
    return genre == null ? Vocabulary.UNK_ID : idByGenre.computeIfAbsent(genre, g -> vocabulary.idOf(genreToken(g)));
  }

  /** Whether {@code token} is a section ({@code <section:...>}) or genre ({@code <genre:...>}) token. */
  public static boolean isLabelToken(String token) {
    Preconditions.checkNotNull(token, "token");
    return token.startsWith(SECTION_PREFIX) || token.startsWith(GENRE_PREFIX);
  }

  /**
   * Whether {@code token}, of a chord tokenizer's vocabulary, names a chord (the no-chord {@code N} included): not
   * a special ({@link Vocabulary#SPECIAL_TOKENS}), not the bar line {@value #BAR}, not a section or genre token.
   */
  public static boolean isChordToken(String token) {
    return !Vocabulary.SPECIAL_TOKENS.contains(token) && !token.equals(BAR) && !isLabelToken(token);
  }

  /** The section token for a label: {@code <section:pre_chorus>} for {@code "Pre Chorus"}. */
  public static String sectionToken(String label) {
    return SECTION_PREFIX + normalizeLabel(label) + ">";
  }

  /** The genre token for a genre: {@code <genre:rock>}. */
  public static String genreToken(String genre) {
    return GENRE_PREFIX + normalizeLabel(genre) + ">";
  }

  /**
   * A section label or genre as it appears in tokens: stripped, lower case, each run of characters other than
   * {@code a-z}, {@code 0-9} and {@code -} replaced by {@code _} ({@code "Pre Chorus"} gives {@code pre_chorus});
   * {@code other} if nothing is left.
   */
  public static String normalizeLabel(String label) {
    Preconditions.checkNotNull(label, "label");
    String normalized = label.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "_")
        .replaceAll("^_+|_+$", "");
    return normalized.isEmpty() ? "other" : normalized;
  }

  /**
   * {@inheritDoc} Without a genre: with {@link Settings#genreToken()} on, the genre slot holds UNK.
   */
  @Override
  public int[] encode(ChordProgression progression) {
    return encode(progression, null);
  }

  /**
   * The tokens of a progression with its genre (ignored unless {@link Settings#genreToken()} is on; null for
   * none).
   */
  public int[] encode(ChordProgression progression, String genre) {
    Preconditions.checkNotNull(progression, "progression");
    IntList out = new IntList();
    out.add(Vocabulary.START_ID);
    if (settings.genreToken()) {
      out.add(genreId(genre));
    }
    String[] sectionAtEvent = new String[progression.events().size()];
    if (settings.sectionTokens()) {
      for (Section section : progression.sections()) {
        sectionAtEvent[section.startEvent()] = section.label();
      }
    }
    if (settings.timeMode() == TimeMode.CHANGES) {
      encodeChanges(progression, sectionAtEvent, out);
    } else {
      encodeBeats(progression, sectionAtEvent, out);
    }
    out.add(Vocabulary.END_ID);
    return out.toArray();
  }

  private void encodeChanges(ChordProgression progression, String[] sectionAtEvent, IntList out) {
    int[] ids = chordIds(progression.events());
    int previous = -1;
    for (int i = 0; i < sectionAtEvent.length; i++) {
      if (addSection(sectionAtEvent[i], out)) {
        previous = -1;
      }
      int id = ids[i];
      if (id != previous) {
        out.add(id);
        previous = id;
      }
    }
  }

  private void encodeBeats(ChordProgression progression, String[] sectionAtEvent, IntList out) {
    ImmutableList<ChordEvent> events = progression.events();
    ImmutableList<MeterChange> meterChanges = progression.meterChanges();
    int[] ids = chordIds(events);
    boolean barLines = settings.timeMode() == TimeMode.PER_BAR;
    int beatsPerBar = progression.meter().beatsPerBar();
    int barsFrom = 0; // the beat where the bars of the current metre start
    int nextChange = 0;
    double position = 0;
    int beat = 0;
    for (int i = 0; i < events.size(); i++) {
      if (nextChange < meterChanges.size() && meterChanges.get(nextChange).startEvent() == i) {
        beatsPerBar = meterChanges.get(nextChange++).meter().beatsPerBar();
        barsFrom = beat; // the rounded start of event i
      }
      double end = position + events.get(i).beats();
      int endBeat = roundToBeat(end);
      int id = ids[i];
      String section = sectionAtEvent[i];
      for (; beat < endBeat; beat++) {
        if (barLines && (beat - barsFrom) % beatsPerBar == 0) {
          out.add(barId);
        }
        addSection(section, out);
        section = null;
        out.add(id);
      }
      if (section != null && i + 1 < sectionAtEvent.length && sectionAtEvent[i + 1] == null) {
        // This event vanished when rounded to beats: its section starts with the next event.
        sectionAtEvent[i + 1] = section;
      }
      position = end;
    }
  }

  /** A cumulative beat position rounded half up to a whole beat, with a tolerance for floating-point error. */
  private static int roundToBeat(double position) {
    return (int) Math.floor(position + 0.5 + EPSILON);
  }

  /** Adds the section token of {@code label} if there is one in the vocabulary; says whether it did. */
  private boolean addSection(String label, IntList out) {
    if (label == null) {
      return false;
    }
    int id = idBySection.computeIfAbsent(label, l -> vocabulary.idOf(sectionToken(l)));
    if (id == Vocabulary.UNK_ID) {
      return false;
    }
    out.add(id);
    return true;
  }

  /** {@inheritDoc} The metre is 4/4, or rebuilt from the bar lines in PER_BAR (see the class comment). */
  @Override
  public ChordProgression decode(int[] tokens) {
    return decode(tokens, null);
  }

  /**
   * The progression a token sequence stands for, with {@code meter} (null: 4/4) as the metre of bars of its length
   * (see the class comment). Durations: one beat per chord token in PER_BEAT and PER_BAR, runs of equal tokens
   * merged unless a section or a metre change starts between them; one bar of {@code meter} per chord token in
   * CHANGES. Bar lines ({@value #BAR}) are honoured except in CHANGES: each run of chord tokens between them is a
   * bar (chord tokens before the first one make the first bar; empty bars vanish; a bar of more than 64 beats keeps
   * the metre before it). Section tokens become {@link Section}s with normalised labels; of two before one chord
   * the later wins, and one with no chord after it is dropped. UNK chord tokens become {@link Chord#UNKNOWN}; genre
   * and PAD tokens are skipped; END ends the sequence.
   *
   * @throws IllegalArgumentException naming the position of an id outside the vocabulary, or of a START or MASK
   *     after the first position
   */
  public ChordProgression decode(int[] tokens, Meter meter) {
    Preconditions.checkNotNull(tokens, "tokens");
    int i = tokens.length > 0 && tokens[0] == Vocabulary.START_ID ? 1 : 0;
    if (settings.genreToken() && i < tokens.length
        && (tokens[i] == Vocabulary.UNK_ID || (validId(tokens[i]) && genreById[tokens[i]]))) {
      i++;
    }
    boolean changes = settings.timeMode() == TimeMode.CHANGES;
    Meter reference = meter != null ? meter : Meter.COMMON_TIME;
    // One entry per chord token: its id, the chord and the section that starts there (null for none); the chord
    // tokens that start a bar.
    IntList ids = new IntList();
    List<Chord> chords = new ArrayList<>();
    List<String> sectionAt = new ArrayList<>();
    List<Integer> barStarts = new ArrayList<>();
    String pendingSection = null;
    boolean pendingBar = false;
    boolean barLines = false;
    for (; i < tokens.length; i++) {
      int id = tokens[i];
      if (!validId(id)) {
        throw new IllegalArgumentException("token id " + id + " at position " + i
            + " is outside the vocabulary (ids 0 to " + (vocabulary.size() - 1) + ")");
      }
      if (id == Vocabulary.END_ID) {
        break;
      }
      if (id == Vocabulary.PAD_ID || genreById[id]) {
        continue;
      }
      if (id == Vocabulary.START_ID || id == Vocabulary.MASK_ID) {
        throw new IllegalArgumentException(
            "token " + vocabulary.token(id) + " at position " + i + " cannot be decoded into a chord progression");
      }
      if (id == barId) {
        pendingBar = !changes;
        barLines |= !changes;
      } else if (sectionById[id] != null) {
        pendingSection = sectionById[id];
      } else {
        if (pendingBar && !chords.isEmpty()) {
          barStarts.add(chords.size());
        }
        pendingBar = false;
        ids.add(id);
        chords.add(id == Vocabulary.UNK_ID ? Chord.UNKNOWN : chordById[id]);
        sectionAt.add(pendingSection);
        pendingSection = null;
      }
    }
    if (changes) {
      ImmutableList.Builder<ChordEvent> events = ImmutableList.builder();
      ImmutableList.Builder<Section> sections = ImmutableList.builder();
      for (int e = 0; e < chords.size(); e++) {
        events.add(new ChordEvent(chords.get(e), reference.beatsPerBar()));
        if (sectionAt.get(e) != null) {
          sections.add(new Section(sectionAt.get(e), e));
        }
      }
      return new ChordProgression(events.build(), reference, sections.build());
    }
    // Metres from bar lengths.
    Meter opening = reference;
    Meter[] meterFrom = new Meter[chords.size()];
    if (barLines && !chords.isEmpty()) {
      barStarts.add(0, 0);
      int referenceBeats = reference.beatsPerBar();
      int currentBeats = -1; // a bar's metre is a function of its length, so lengths stand for metres here
      for (int b = 0; b < barStarts.size(); b++) {
        boolean last = b + 1 == barStarts.size();
        int length = (last ? chords.size() : barStarts.get(b + 1)) - barStarts.get(b);
        Meter own = length == referenceBeats ? reference : length <= 64 ? new Meter(length, 4) : null;
        if (currentBeats < 0) {
          opening = own == null || (last && length < referenceBeats) ? reference : own;
          currentBeats = opening.beatsPerBar();
        } else if (own != null && length != currentBeats
            && !(last && length < currentBeats && length != referenceBeats)) {
          meterFrom[barStarts.get(b)] = own;
          currentBeats = length;
        }
      }
    }
    ImmutableList.Builder<ChordEvent> events = ImmutableList.builder();
    List<Section> sections = new ArrayList<>();
    List<MeterChange> meterChanges = new ArrayList<>();
    int eventCount = 0;
    int start = 0;
    for (int beat = 1; beat <= chords.size(); beat++) {
      if (beat == chords.size() || sectionAt.get(beat) != null || meterFrom[beat] != null
          || ids.get(beat) != ids.get(start)) {
        if (sectionAt.get(start) != null) {
          sections.add(new Section(sectionAt.get(start), eventCount));
        }
        if (meterFrom[start] != null) {
          meterChanges.add(new MeterChange(eventCount, meterFrom[start]));
        }
        events.add(new ChordEvent(chords.get(start), beat - start));
        eventCount++;
        start = beat;
      }
    }
    return new ChordProgression(events.build(), opening, ImmutableList.copyOf(sections),
        ImmutableList.copyOf(meterChanges));
  }

  private boolean validId(int id) {
    return id >= 0 && id < vocabulary.size();
  }

  /**
   * The start of a sequence to sample from: START, and the genre token when {@link Settings#genreToken()} is on
   * (UNK for a null or unknown genre).
   *
   * @throws IllegalArgumentException when a genre is given but the settings have no genre token
   */
  public int[] primer(String genre) {
    if (!settings.genreToken()) {
      Preconditions.checkArgument(genre == null, "these settings have no genre token (genre '%s' given)", genre);
      return new int[] {Vocabulary.START_ID};
    }
    return new int[] {Vocabulary.START_ID, genreId(genre)};
  }

  /** The genre of an encoded sequence (normalised), if the settings have genre tokens and it names a known one. */
  public Optional<String> genreOf(int[] tokens) {
    Preconditions.checkNotNull(tokens, "tokens");
    if (!settings.genreToken() || tokens.length < 2 || tokens[0] != Vocabulary.START_ID || !validId(tokens[1])
        || !genreById[tokens[1]]) {
      return Optional.empty();
    }
    String token = vocabulary.token(tokens[1]);
    return Optional.of(token.substring(GENRE_PREFIX.length(), token.length() - 1));
  }

  @Override
  public String toString() {
    return "ChordTokenizer[" + settings + ", " + vocabulary.size() + " tokens]";
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int get(int index) {
      return values[index];
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
