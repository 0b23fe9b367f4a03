package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Voice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BachBot encoding of four-voice chorales (Liang 2016, "BachBot: Automatic composition in the style of Bach
 * chorales", MPhil thesis, chapter 4, "Sequential encoding of musical data"; Liang, Gotham, Johnson and Shotton,
 * ISMIR 2017), with one change: a {@value #REST} token for a silent voice, so that every frame holds four voice
 * tokens. Where this class departs from BachBot's thesis or code, the comment below says so.
 *
 * <h2>Preparation ({@link #prepare})</h2>
 * <ol>
 *   <li><b>Key normalisation</b>: every pitch moves by {@link Key#semitonesToNormal()} of the chorale's key (-5 to
 *       +6 semitones), so major chorales are in C major and minor ones in A minor. This is BachBot's table of
 *       shifts exactly; BachBot took the key from music21's Krumhansl-Schmuckler analysis, we take the key the
 *       reader found (key signature and mode). BachBot's code kept only the 4/4 chorales; we keep every metre (the
 *       encoding does not depend on it; the music21 corpus has 328 chorales in 4/4, 35 in 3/4, 1 in 3/2).
 *   <li><b>Ties merged</b>: a note tied to the next ({@code tieStart}, same pitch, starting where it ends) becomes
 *       one note with it; the merged note has a fermata when any of its parts has. The encoding cannot tell a
 *       written tie from a held note, so decoding gives one long note; a writer re-splits it at bar lines.
 *   <li><b>Quantisation to 16th-note frames</b> ({@value #FRAME_TICKS} ticks): the start and the end of each merged
 *       note move to the nearest multiple of a 16th; a point exactly half-way (a 32nd off the grid) moves
 *       <em>later</em> (round half up). Start and end move by the same monotone rule, so notes of a voice never
 *       come to overlap; a note whose start and end meet (shorter than a 16th) vanishes. Round half up keeps the
 *       note that starts on the grid: of two 32nds on a beat the first becomes a 16th and the second vanishes; a
 *       dotted 16th and a 32nd become an 8th and nothing. {@link QuantisationReport} counts what moved and
 *       vanished.
 *   <li><b>Fermatas one per frame</b>: a frame carries the fermata mark when a note with a fermata starts on it
 *       (in any voice), and on decoding every note that starts on a marked frame gets a fermata. So a note that
 *       starts where another voice's fermata starts gains one ({@link QuantisationReport#fermatasAdded()}).
 *   <li>The piece ends where its last note ends: trailing rests (and the padding of an incomplete last bar) are
 *       dropped, bar lines are made regular from the meter and pickup ({@link Chorale#of}).
 * </ol>
 * Preparing a prepared chorale changes nothing.
 *
 * <h2>Tokens</h2>
 * The piece is cut into 16th-note frames from tick 0 (the start of the pickup bar, if any). The sequence is
 * {@code START}, then for each frame:
 * <ol>
 *   <li>{@value #FERMATA} when a fermata starts on the frame (BachBot writes it first in the frame, right after
 *       the previous frame's delimiter; we do the same, but only on the frame where the fermata starts: BachBot
 *       repeated it on every frame of the chordified slice that carried the fermata);
 *   <li>four voice tokens in the order soprano, alto, tenor, bass: {@code (60, False)} for MIDI pitch 60 struck on
 *       this frame, {@code (60, True)} for a pitch 60 continuing from the previous frame (a held note or a tie),
 *       and {@value #REST} for a silent voice. BachBot's thesis orders "soprano first ... descending pitch", which
 *       is SATB except where voices cross (one version of its code wrote soprano, bass, tenor, alto); we keep the
 *       voice order, so a crossing stays as written. Soprano first is what lets a harmoniser fix the soprano's
 *       tokens and sample the rest ({@link #harmonisationTemplate});
 *   <li>{@value #FRAME_END}, which ends the frame (BachBot writes it between frames, so it has one fewer).
 * </ol>
 * then {@code END}. A frame is 5 tokens, 6 with a fermata.
 *
 * <p><b>Rests.</b> BachBot's encoding is sparse: a silent voice has no token, so a frame holds zero to four notes
 * and a three-note frame does not say which voice is silent (alto rest and tenor rest read the same). We write
 * {@value #REST} for a silent voice instead: every frame has exactly four voice tokens, so decoding is unambiguous
 * (the i-th voice token is voice i), a malformed frame is detectable, and the soprano alone fixes the positions of
 * every token of a harmonisation. Rests are rare in the chorales but real (phrase breaks in a voice), so they
 * must be representable.
 *
 * <h2>Vocabulary</h2>
 * {@link #fit} collects the note tokens of the prepared training chorales; the order is the five specials,
 * {@value #FRAME_END}, {@value #FERMATA}, {@value #REST}, then note tokens by pitch, {@code False} before
 * {@code True}. A note the vocabulary lacks encodes as UNK.
 *
 * <h2>Decoding</h2>
 * {@link #decode(int[], Key, Meter, int)} turns frames back into four voices: a struck token starts a note, a tied
 * token extends the voice's current note by a frame, a rest ends it; notes struck on a {@value #FERMATA} frame get
 * a fermata. Tokens carry neither key, meter nor pickup: by default the meter is 4/4 and the pickup 0, and the key
 * is C major or A minor as {@link #guessNormalisedKey} guesses from the notes; give the original key to transpose
 * back ({@link #decode(int[], Key)}).
 * Strict decoding throws a {@link MalformedChoraleTokensException} naming the token index for anything
 * {@link #encode} cannot produce; {@link #decodeLenient} repairs instead and reports each repair:
 * <ul>
 *   <li>a frame that ends after fewer than four voice tokens: the missing (lowest) voices rest;
 *   <li>a fifth voice token in a frame (a missing {@value #FRAME_END}): the frame is closed before it;
 *   <li>a tied token whose pitch is not the voice's note in the previous frame (or in the first frame, or after a
 *       rest): the note is struck instead;
 *   <li>{@code UNK}, {@code MASK}, {@code START} or an id outside the vocabulary where a voice token goes: a rest;
 *   <li>{@value #FERMATA} after a voice token of its frame: it marks the frame anyway; a second one is ignored; on a
 *       frame where no note is struck it is dropped;
 *   <li>a last frame without {@value #FRAME_END} (before {@code END} or the end of the array): closed, missing
 *       voices resting.
 * </ul>
 * A sequence without any note cannot be repaired into a chorale and is an error either way.
 * {@link #validateFrames} reports the same problems without decoding, plus notes outside their voice's range;
 * {@link #allowedNext} tells a sampler which tokens keep a sequence well formed and in range, so that generation
 * always decodes into four valid voices.
 *
 * <h2>Harmonisation</h2>
 * Since each frame is {@code [(.)] S A T B |||}, a soprano fixes the length and layout of the whole sequence:
 * {@link #harmonisationTemplate} fixes START, END, every {@value #FRAME_END}, the soprano's tokens and a
 * {@value #FERMATA} where a soprano fermata starts, and leaves the alto, tenor and bass slots free. A fermata that
 * starts in a lower voice where the soprano has none (70 of the 364 corpus chorales have one) is not in the
 * template: the soprano cannot predict it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ChoraleTokenizer implements Tokenizer<Chorale> {

  /** The token that ends every frame. */
  public static final String FRAME_END = "|||";

  /** The token that opens a frame on which a fermata starts. */
  public static final String FERMATA = "(.)";

  /** The voice token of a silent voice. */
  public static final String REST = "rest";

  /** Ticks per frame: a 16th note. */
  public static final int FRAME_TICKS = Note.TICKS_PER_SIXTEENTH;

  /** The id of decoded chorales. */
  public static final String DECODED_ID = "decoded";

  private static final Pattern NOTE_TOKEN = Pattern.compile("\\((\\d{1,3}), (True|False)\\)");
  private static final int VOICES = 4;
  private static final int NO_PITCH = -1;

  private final Vocabulary vocabulary;
  private final int frameEndId;
  private final int fermataId;
  private final int restId;
  /** Pitch of each note token id, -1 for other ids. */
  private final int[] pitchById;
  private final boolean[] tiedById;
  /** Token id of each pitch struck / tied, UNK when the vocabulary lacks it. */
  private final int[] struckIdByPitch = new int[Note.MAX_PITCH + 1];
  private final int[] tiedIdByPitch = new int[Note.MAX_PITCH + 1];

  /**
   * A tokenizer over a stored vocabulary.
   *
   * @throws IllegalArgumentException naming the token when one is neither a special, {@value #FRAME_END},
   *     {@value #FERMATA}, {@value #REST} nor a note token {@code (p, True|False)} with p in 0..127 written as
   *     {@link #noteToken} writes it, or when {@value #FRAME_END}, {@value #FERMATA} or {@value #REST} is missing
   */
  public ChoraleTokenizer(Vocabulary vocabulary) {
    this.vocabulary = Preconditions.checkNotNull(vocabulary, "vocabulary");
    int size = vocabulary.size();
    pitchById = new int[size];
    tiedById = new boolean[size];
    Arrays.fill(pitchById, NO_PITCH);
    Arrays.fill(struckIdByPitch, Vocabulary.UNK_ID);
    Arrays.fill(tiedIdByPitch, Vocabulary.UNK_ID);
    for (int id = Vocabulary.SPECIAL_TOKENS.size(); id < size; id++) {
      String token = vocabulary.token(id);
      if (token.equals(FRAME_END) || token.equals(FERMATA) || token.equals(REST)) {
        continue;
      }
      Matcher m = NOTE_TOKEN.matcher(token);
      int pitch = m.matches() ? Integer.parseInt(m.group(1)) : NO_PITCH;
      if (pitch < Note.MIN_PITCH || pitch > Note.MAX_PITCH || !noteToken(pitch, m.group(2).equals("True"))
          .equals(token)) {
        throw new IllegalArgumentException("vocabulary token '" + token + "' (id " + id + ") is not a chorale token:"
            + " expected a special, '" + FRAME_END + "', '" + FERMATA + "', '" + REST
            + "' or a note such as '(60, False)' / '(60, True)' with a MIDI pitch 0..127");
      }
      boolean tied = m.group(2).equals("True");
      pitchById[id] = pitch;
      tiedById[id] = tied;
      (tied ? tiedIdByPitch : struckIdByPitch)[pitch] = id;
    }
    for (String required : List.of(FRAME_END, FERMATA, REST)) {
      Preconditions.checkArgument(vocabulary.contains(required), "a chorale vocabulary needs the token '%s'",
          required);
    }
    frameEndId = vocabulary.idOf(FRAME_END);
    fermataId = vocabulary.idOf(FERMATA);
    restId = vocabulary.idOf(REST);
  }

  /**
   * A tokenizer whose vocabulary holds every note token of the prepared {@code chorales} (meant: the training
   * part), plus the specials, {@value #FRAME_END}, {@value #FERMATA} and {@value #REST} (see the class comment
   * for the order).
   */
  public static ChoraleTokenizer fit(Iterable<Chorale> chorales) {
    Preconditions.checkNotNull(chorales, "chorales");
    TreeSet<Integer> struck = new TreeSet<>();
    TreeSet<Integer> tied = new TreeSet<>();
    for (Chorale chorale : chorales) {
      Chorale prepared = prepare(chorale).chorale();
      for (Voice voice : Voice.values()) {
        for (Note note : prepared.voice(voice)) {
          struck.add(note.pitch());
          if (note.duration() > FRAME_TICKS) {
            tied.add(note.pitch());
          }
        }
      }
    }
    Vocabulary.Builder builder = Vocabulary.builder().add(FRAME_END).add(FERMATA).add(REST);
    for (int pitch = Note.MIN_PITCH; pitch <= Note.MAX_PITCH; pitch++) {
      if (struck.contains(pitch)) {
        builder.add(noteToken(pitch, false));
      }
      if (tied.contains(pitch)) {
        builder.add(noteToken(pitch, true));
      }
    }
    return new ChoraleTokenizer(builder.build());
  }

  /** The note token BachBot writes: {@code (60, False)} for a struck middle C, {@code (60, True)} for a held one. */
  public static String noteToken(int pitch, boolean tied) {
    Preconditions.checkArgument(pitch >= Note.MIN_PITCH && pitch <= Note.MAX_PITCH,
        "pitch must be a MIDI note number 0..127, was %s", pitch);
    return "(" + pitch + ", " + (tied ? "True" : "False") + ")";
  }

  /** {@inheritDoc} */
  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The token id of a voice's pitch, struck or tied; UNK when the vocabulary lacks it. */
  public int noteId(int pitch, boolean tied) {
    Preconditions.checkArgument(pitch >= Note.MIN_PITCH && pitch <= Note.MAX_PITCH,
        "pitch must be a MIDI note number 0..127, was %s", pitch);
    return tied ? tiedIdByPitch[pitch] : struckIdByPitch[pitch];
  }

  /** The id of {@value #FRAME_END}. */
  public int frameEndId() {
    return frameEndId;
  }

  /** The id of {@value #FERMATA}. */
  public int fermataId() {
    return fermataId;
  }

  /** The id of {@value #REST}. */
  public int restId() {
    return restId;
  }

  /** The MIDI pitch of a note token id, or -1 when the id is not a note token. */
  public int pitchOf(int id) {
    return id >= 0 && id < pitchById.length ? pitchById[id] : NO_PITCH;
  }

  /** Whether {@code id} is a tied note token such as {@code (60, True)}. */
  public boolean isTied(int id) {
    return id >= 0 && id < tiedById.length && tiedById[id];
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Preparation

  /**
   * The chorale as the encoding sees it: in C major or A minor, tied notes merged, on the 16th-note grid, one
   * fermata mark per frame, ending with its last note (see the class comment), with a report of what changed.
   *
   * @throws IllegalArgumentException when every note vanishes, or a pitch leaves the MIDI range on transposition
   */
  public static PreparedChorale prepare(Chorale chorale) {
    Preconditions.checkNotNull(chorale, "chorale");
    int semitones = chorale.key().semitonesToNormal();
    Chorale moved = chorale.transpose(semitones);
    int[] counts = new int[4]; // tiesMerged, moved, vanished, fermatasLost
    List<List<Note>> lines = new ArrayList<>(VOICES);
    TreeSet<Integer> fermataStarts = new TreeSet<>();
    for (Voice voice : Voice.values()) {
      List<Note> line = quantise(mergeTies(moved.voice(voice), counts), counts);
      for (Note note : line) {
        if (note.fermata()) {
          fermataStarts.add(note.start());
        }
      }
      lines.add(line);
    }
    int fermatasAdded = 0;
    for (List<Note> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        Note note = line.get(i);
        if (!note.fermata() && fermataStarts.contains(note.start())) {
          line.set(i, note.withFermata(true));
          fermatasAdded++;
        }
      }
    }
    int pickup = roundToFrame(chorale.pickup());
    if (pickup >= chorale.meter().barTicks()) {
      pickup = 0;
    }
    Chorale prepared;
    try {
      prepared = Chorale.of(chorale.id(), chorale.title(), moved.key(), chorale.meter(), pickup, lines.get(0),
          lines.get(1), lines.get(2), lines.get(3));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(chorale.id() + ": cannot prepare the chorale: " + e.getMessage(), e);
    }
    QuantisationReport report = new QuantisationReport(1, chorale.noteCount(), counts[0], counts[1], counts[2],
        fermatasAdded, counts[3]);
    return new PreparedChorale(prepared, chorale.key(), semitones, report);
  }

  /** The tick rounded to the nearest 16th, half-way rounding up: how chorale preparation quantises. */
  public static int roundToFrame(int tick) {
    return Math.floorDiv(tick + FRAME_TICKS / 2, FRAME_TICKS) * FRAME_TICKS;
  }

  /** Tie chains merged into single untied notes; counts[0] += joins. */
  private static List<Note> mergeTies(List<Note> line, int[] counts) {
    List<Note> merged = new ArrayList<>(line.size());
    Note open = null;
    boolean openTiesOn = false;
    for (Note note : line) {
      if (open != null && openTiesOn && note.tieStop() && note.pitch() == open.pitch() && note.start() == open.end()) {
        open = new Note(open.pitch(), open.start(), open.duration() + note.duration(), false, false,
            open.fermata() || note.fermata());
        counts[0]++;
      } else {
        if (open != null) {
          merged.add(open);
        }
        open = new Note(note.pitch(), note.start(), note.duration(), false, false, note.fermata());
      }
      openTiesOn = note.tieStart();
    }
    if (open != null) {
      merged.add(open);
    }
    return merged;
  }

  /** Notes moved onto the grid; counts[1] moved, counts[2] vanished, counts[3] fermatas lost. */
  private static List<Note> quantise(List<Note> line, int[] counts) {
    List<Note> out = new ArrayList<>(line.size());
    for (Note note : line) {
      int start = roundToFrame(note.start());
      int end = roundToFrame(note.end());
      if (end <= start) {
        counts[2]++;
        if (note.fermata()) {
          counts[3]++;
        }
        continue;
      }
      if (start != note.start() || end != note.end()) {
        counts[1]++;
      }
      out.add(new Note(note.pitch(), start, end - start, false, false, note.fermata()));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Encoding

  /** {@inheritDoc} The chorale is {@linkplain #prepare prepared} first. */
  @Override
  public int[] encode(Chorale chorale) {
    return encodePrepared(prepare(chorale).chorale());
  }

  /** The token strings of {@link #encode}, for reading and tests. */
  public ImmutableList<String> tokenStrings(int[] tokens) {
    Preconditions.checkNotNull(tokens, "tokens");
    ImmutableList.Builder<String> out = ImmutableList.builderWithExpectedSize(tokens.length);
    for (int id : tokens) {
      out.add(id >= 0 && id < vocabulary.size() ? vocabulary.token(id) : "#" + id);
    }
    return out.build();
  }

  private int[] encodePrepared(Chorale prepared) {
    int frames = prepared.totalDuration() / FRAME_TICKS;
    TreeSet<Integer> fermataFrames = new TreeSet<>();
    for (Voice voice : Voice.values()) {
      for (Note note : prepared.voice(voice)) {
        if (note.fermata()) {
          fermataFrames.add(note.start() / FRAME_TICKS);
        }
      }
    }
    int[] out = new int[2 + frames * (VOICES + 1) + fermataFrames.size()];
    int n = 0;
    out[n++] = Vocabulary.START_ID;
    int[] next = new int[VOICES];
    for (int frame = 0; frame < frames; frame++) {
      int tick = frame * FRAME_TICKS;
      if (fermataFrames.contains(frame)) {
        out[n++] = fermataId;
      }
      for (int v = 0; v < VOICES; v++) {
        List<Note> line = prepared.voice(Voice.ofIndex(v));
        while (next[v] < line.size() && line.get(next[v]).end() <= tick) {
          next[v]++;
        }
        if (next[v] < line.size() && line.get(next[v]).start() <= tick) {
          Note note = line.get(next[v]);
          out[n++] = noteId(note.pitch(), note.start() < tick);
        } else {
          out[n++] = restId;
        }
      }
      out[n++] = frameEndId;
    }
    out[n++] = Vocabulary.END_ID;
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Decoding

  /**
   * {@inheritDoc} In C major or A minor as {@link #guessNormalisedKey} guesses, 4/4, no pickup.
   *
   * @throws MalformedChoraleTokensException naming the token index of anything {@link #encode} cannot produce
   */
  @Override
  public Chorale decode(int[] tokens) {
    return decode(tokens, null, Meter.COMMON_TIME, 0);
  }

  /**
   * The chorale of a token sequence moved from C major / A minor back to {@code targetKey} (by
   * {@code -targetKey.semitonesToNormal()}, the inverse of preparation, so a chorale comes back at its original
   * pitch), in 4/4 without pickup.
   *
   * @throws MalformedChoraleTokensException naming the token index of anything {@link #encode} cannot produce
   */
  public Chorale decode(int[] tokens, Key targetKey) {
    return decode(tokens, targetKey, Meter.COMMON_TIME, 0);
  }

  /**
   * The chorale of a token sequence, moved to {@code targetKey} (null: stay in C major / A minor, guessed by
   * {@link #guessNormalisedKey}), with bar lines from {@code meter} and {@code pickup} (ticks).
   *
   * @throws MalformedChoraleTokensException naming the token index of anything {@link #encode} cannot produce
   * @throws IllegalArgumentException when the sequence holds no note, or the pickup does not fit the meter
   */
  public Chorale decode(int[] tokens, Key targetKey, Meter meter, int pickup) {
    Frames frames = parse(tokens, null);
    return frames.toChorale(targetKey, meter, pickup);
  }

  /** As {@link #decodeLenient(int[], Key, Meter, int)} in C major / A minor, 4/4, no pickup. */
  public LenientDecoding decodeLenient(int[] tokens) {
    return decodeLenient(tokens, null, Meter.COMMON_TIME, 0);
  }

  /**
   * The chorale of a possibly malformed token sequence (model output), each repair reported (see the class
   * comment for what is repaired and how).
   *
   * @throws IllegalArgumentException when the sequence holds no note at all
   */
  public LenientDecoding decodeLenient(int[] tokens, Key targetKey, Meter meter, int pickup) {
    List<FrameProblem> repairs = new ArrayList<>();
    Frames frames = parse(tokens, repairs);
    return new LenientDecoding(frames.toChorale(targetKey, meter, pickup), ImmutableList.copyOf(repairs));
  }

  /**
   * Whether every frame of a sequence holds four voices (a rest, or a note within that voice's
   * {@linkplain Voice#inBachRange Bach range}) and the sequence is well formed, with pitches judged as they are
   * (in C major / A minor).
   */
  public FrameValidation validateFrames(int[] tokens) {
    return validateFrames(tokens, null);
  }

  /**
   * As {@link #validateFrames(int[])}, judging ranges after moving the pitches to {@code targetKey} as
   * {@link #decode(int[], Key)} would (null: as they are). Every problem is listed: the structural ones that
   * {@link #decodeLenient} would repair, and each note outside its voice's Bach range.
   */
  public FrameValidation validateFrames(int[] tokens, Key targetKey) {
    List<FrameProblem> problems = new ArrayList<>();
    Frames frames = parse(tokens, problems);
    int shift = targetKey == null ? 0 : -targetKey.semitonesToNormal();
    int rests = 0;
    List<FrameProblem> rangeProblems = new ArrayList<>();
    for (int f = 0; f < frames.count; f++) {
      for (int v = 0; v < VOICES; v++) {
        int pitch = frames.pitch(f, v);
        if (pitch == NO_PITCH) {
          rests++;
          continue;
        }
        Voice voice = Voice.ofIndex(v);
        int moved = pitch + shift;
        if (!voice.inBachRange(moved)) {
          rangeProblems.add(new FrameProblem(frames.tokenIndex(f, v), f, voiceName(voice) + " " + noteToken(pitch,
              !frames.struck(f, v)) + (shift == 0 ? "" : " (MIDI " + moved + " in " + targetKey + ")")
              + " is outside the " + voiceName(voice) + "'s range " + rangeText(voice)));
        }
      }
    }
    problems.addAll(rangeProblems);
    problems.sort((a, b) -> Integer.compare(a.tokenIndex(), b.tokenIndex()));
    return new FrameValidation(frames.count, rests, ImmutableList.copyOf(problems));
  }

  /**
   * C major or A minor for a chorale in one of the normalised keys, from its notes alone (its {@code key} is not
   * consulted): A minor when the bass's last note is an A, or when A and E sound longer than C and G (summed
   * durations over all voices, in any octave); C major otherwise. Tokens carry no mode, so {@link #decode(int[])}
   * uses this guess. On the 364 four-part chorales of the music21 corpus, prepared, it agrees with the key the
   * reader found for 341 (see {@code ChoraleTokenizerCorpusTest}); most misses are minor-mode chorales that end
   * away from their tonic (on D or E).
   */
  public static Key guessNormalisedKey(Chorale chorale) {
    Preconditions.checkNotNull(chorale, "chorale");
    ImmutableList<Note> bass = chorale.bass();
    if (!bass.isEmpty() && bass.get(bass.size() - 1).pitchClass() == PitchClass.A) {
      return Key.A_MINOR;
    }
    long minorTicks = 0;
    long majorTicks = 0;
    for (Voice voice : Voice.values()) {
      for (Note note : chorale.voice(voice)) {
        PitchClass pc = note.pitchClass();
        if (pc == PitchClass.A || pc == PitchClass.E) {
          minorTicks += note.duration();
        } else if (pc == PitchClass.C || pc == PitchClass.G) {
          majorTicks += note.duration();
        }
      }
    }
    return minorTicks > majorTicks ? Key.A_MINOR : Key.C_MAJOR;
  }

  /** Reads the frames of a sequence; with {@code repairs} null every problem throws, else it is repaired. */
  private Frames parse(int[] tokens, List<FrameProblem> repairs) {
    Preconditions.checkNotNull(tokens, "tokens");
    Parser parser = new Parser(tokens, repairs);
    parser.run();
    return parser.frames;
  }

  private final class Parser {
    private final int[] tokens;
    private final List<FrameProblem> repairs;
    private final Frames frames = new Frames();
    private final int[] pitch = new int[VOICES];
    private final boolean[] struck = new boolean[VOICES];
    private final int[] index = new int[VOICES];
    private int voices;
    private int fermataIndex = -1;

    Parser(int[] tokens, List<FrameProblem> repairs) {
      this.tokens = tokens;
      this.repairs = repairs;
    }

    void run() {
      int i = tokens.length > 0 && tokens[0] == Vocabulary.START_ID ? 1 : 0;
      for (; i < tokens.length; i++) {
        int id = tokens[i];
        if (id == Vocabulary.PAD_ID) {
          continue;
        }
        if (id == Vocabulary.END_ID) {
          break;
        }
        if (id == frameEndId) {
          if (voices < VOICES) {
            problem(i, "frame " + frames.count + " ends (" + FRAME_END + ") after " + voices + " voice token"
                + (voices == 1 ? "" : "s") + "; a frame holds four, soprano alto tenor bass (" + REST
                + " for a silent voice)", "the missing lower voices rest");
            fillRests();
          }
          closeFrame();
        } else if (id == fermataId) {
          if (fermataIndex >= 0) {
            problem(i, "a second " + FERMATA + " in frame " + frames.count, "ignored");
          } else {
            if (voices > 0) {
              problem(i, FERMATA + " after " + voices + " voice token" + (voices == 1 ? "" : "s") + " of frame "
                  + frames.count + "; it must open its frame, before the soprano", "it marks the frame");
            }
            fermataIndex = i;
          }
        } else {
          if (voices == VOICES) {
            problem(i, "a fifth voice token (" + describe(id) + ") in frame " + frames.count + ": missing "
                + FRAME_END + "?", "the frame is closed before it");
            closeFrame();
          }
          voiceToken(i, id);
        }
      }
      if (voices > 0) {
        problem(i, "the sequence ends inside frame " + frames.count + " (after " + voices + " voice token"
            + (voices == 1 ? "" : "s") + ") without " + FRAME_END, "the frame is closed, missing voices resting");
        fillRests();
        closeFrame();
      } else if (fermataIndex >= 0) {
        problem(fermataIndex, "the sequence ends after " + FERMATA + " without the frame it opens", "dropped");
        fermataIndex = -1;
      }
    }

    private void voiceToken(int i, int id) {
      int v = voices;
      String voice = voiceName(Voice.ofIndex(v));
      index[v] = i;
      if (id == restId) {
        pitch[v] = NO_PITCH;
      } else if (id < 0 || id >= pitchById.length || pitchById[id] == NO_PITCH) {
        String what = id < 0 || id >= vocabulary.size()
            ? "token id " + id + " (outside the vocabulary, ids 0.." + (vocabulary.size() - 1) + ")"
            : "token " + vocabulary.token(id);
        problem(i, what + " where the " + voice + " of frame " + frames.count
            + " goes; a voice token is a note such as (60, False) / (60, True) or " + REST, "read as a rest");
        pitch[v] = NO_PITCH;
      } else {
        pitch[v] = pitchById[id];
        struck[v] = !tiedById[id];
        if (tiedById[id]) {
          int previous = frames.count == 0 ? NO_PITCH : frames.pitch(frames.count - 1, v);
          if (previous != pitchById[id]) {
            String before = frames.count == 0 ? "there is no previous frame"
                : previous == NO_PITCH ? "the " + voice + " rests in frame " + (frames.count - 1)
                : "the " + voice + " holds MIDI " + previous + " in frame " + (frames.count - 1);
            problem(i, vocabulary.token(id) + " continues the " + voice + "'s note into frame " + frames.count
                + ", but " + before, "the note is struck instead");
            struck[v] = true;
          }
        }
      }
      voices++;
    }

    private void fillRests() {
      for (int v = voices; v < VOICES; v++) {
        pitch[v] = NO_PITCH;
        index[v] = -1;
      }
      voices = VOICES;
    }

    private void closeFrame() {
      boolean fermata = fermataIndex >= 0;
      if (fermata) {
        boolean anyStruck = false;
        for (int v = 0; v < VOICES; v++) {
          anyStruck |= pitch[v] != NO_PITCH && struck[v];
        }
        if (!anyStruck) {
          problem(fermataIndex, FERMATA + " on frame " + frames.count + ", where no voice strikes a note",
              "dropped");
          fermata = false;
        }
      }
      frames.add(pitch, struck, index, fermata);
      voices = 0;
      fermataIndex = -1;
    }

    private void problem(int tokenIndex, String problem, String repair) {
      if (repairs == null) {
        throw new MalformedChoraleTokensException("token " + tokenIndex + ", frame " + frames.count + ": " + problem
            + " (decodeLenient reads it so: " + repair + ")", tokenIndex, frames.count);
      }
      repairs.add(new FrameProblem(tokenIndex, frames.count, problem + "; " + repair));
    }
  }

  /** Decoded frames: per frame and voice a pitch (or NO_PITCH), whether it is struck, and its token index. */
  private static final class Frames {
    private int count;
    private int[] pitches = new int[256];
    private boolean[] struck = new boolean[256];
    private int[] indices = new int[256];
    private boolean[] fermatas = new boolean[64];

    void add(int[] pitch, boolean[] isStruck, int[] index, boolean fermata) {
      if ((count + 1) * VOICES > pitches.length) {
        pitches = Arrays.copyOf(pitches, pitches.length * 2);
        struck = Arrays.copyOf(struck, struck.length * 2);
        indices = Arrays.copyOf(indices, indices.length * 2);
        fermatas = Arrays.copyOf(fermatas, fermatas.length * 2);
      }
      for (int v = 0; v < VOICES; v++) {
        pitches[count * VOICES + v] = pitch[v];
        struck[count * VOICES + v] = pitch[v] != NO_PITCH && isStruck[v];
        indices[count * VOICES + v] = Math.max(index[v], 0);
      }
      fermatas[count] = fermata;
      count++;
    }

    int pitch(int frame, int voice) {
      return pitches[frame * VOICES + voice];
    }

    boolean hasNote() {
      for (int i = 0; i < count * VOICES; i++) {
        if (pitches[i] != NO_PITCH) {
          return true;
        }
      }
      return false;
    }

    boolean struck(int frame, int voice) {
      return struck[frame * VOICES + voice];
    }

    int tokenIndex(int frame, int voice) {
      return indices[frame * VOICES + voice];
    }

    Chorale toChorale(Key targetKey, Meter meter, int pickup) {
      Preconditions.checkNotNull(meter, "meter");
      List<List<Note>> lines = new ArrayList<>(VOICES);
      for (int v = 0; v < VOICES; v++) {
        List<Note> line = new ArrayList<>();
        int start = -1;
        for (int f = 0; f <= count; f++) {
          boolean continues = f < count && pitch(f, v) != NO_PITCH && !struck(f, v);
          if (start >= 0 && !continues) {
            line.add(new Note(pitch(start, v), start * FRAME_TICKS, (f - start) * FRAME_TICKS, false, false,
                fermatas[start]));
            start = -1;
          }
          if (f < count && struck(f, v)) {
            start = f;
          }
        }
        lines.add(line);
      }
      if (lines.stream().allMatch(List::isEmpty)) {
        throw new IllegalArgumentException("the tokens hold no note (" + count + " frame" + (count == 1 ? "" : "s")
            + ", every voice resting): nothing to decode into a chorale");
      }
      Chorale normal = Chorale.of(DECODED_ID, "decoded chorale",
          targetKey == null ? Key.C_MAJOR : targetKey.transpose(targetKey.semitonesToNormal()), meter, pickup,
          lines.get(0), lines.get(1), lines.get(2), lines.get(3));
      if (targetKey == null) {
        Key guess = guessNormalisedKey(normal);
        return guess.equals(normal.key()) ? normal : new Chorale(normal.id(), normal.title(), guess, normal.meter(),
            normal.pickup(), normal.measureStarts(), normal.totalDuration(), normal.soprano(), normal.alto(),
            normal.tenor(), normal.bass());
      }
      return normal.transpose(-targetKey.semitonesToNormal());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Grammar for constrained sampling

  /**
   * The token ids that may follow {@code prefix} so that the sequence can still be completed into one that
   * {@link #decode(int[], Key)} reads without repair and {@link #validateFrames(int[], Key)} finds valid: in each
   * frame an optional {@value #FERMATA} first, then per voice {@value #REST}, a struck note within the voice's Bach
   * range (judged after moving to {@code key}; null: as the pitches are), or the tied form of the pitch the voice
   * held in the previous frame; then {@value #FRAME_END}; END only at a frame boundary once some note was struck.
   * After a {@value #FERMATA} the frame must strike a note, so if the soprano, alto and tenor only held or rested,
   * the bass must strike. After END only PAD is allowed. A sampler that masks all other ids never needs
   * {@link #decodeLenient}.
   *
   * @param prefix the tokens so far, starting with START (a leading START is optional)
   * @return a mask over the vocabulary, true where the id may come next
   * @throws MalformedChoraleTokensException when the prefix itself is malformed
   */
  public boolean[] allowedNext(int[] prefix, Key key) {
    Preconditions.checkNotNull(prefix, "prefix");
    int shift = key == null ? 0 : -key.semitonesToNormal();
    boolean[] allowed = new boolean[vocabulary.size()];
    int end = prefix.length;
    for (int i = 0; i < prefix.length; i++) {
      if (prefix[i] == Vocabulary.END_ID) {
        end = i;
        break;
      }
    }
    if (end < prefix.length) {
      parse(Arrays.copyOf(prefix, end + 1), null);
      allowed[Vocabulary.PAD_ID] = true;
      return allowed;
    }
    // Split the prefix into the complete frames (strictly parsed) and the open frame's tokens.
    int frameStart = prefix.length > 0 && prefix[0] == Vocabulary.START_ID ? 1 : 0;
    for (int i = prefix.length - 1; i >= frameStart; i--) {
      if (prefix[i] == frameEndId) {
        frameStart = i + 1;
        break;
      }
    }
    Frames frames = parse(Arrays.copyOf(prefix, frameStart), null);
    boolean fermata = false;
    boolean struck = false;
    int voices = 0;
    for (int i = frameStart; i < prefix.length; i++) {
      int id = prefix[i];
      if (id == Vocabulary.PAD_ID) {
        continue;
      }
      if (id == fermataId && voices == 0 && !fermata) {
        fermata = true;
      } else if (voices < VOICES && (id == restId || pitchOf(id) != NO_PITCH)
          && (!isTied(id) || frames.count > 0 && frames.pitch(frames.count - 1, voices) == pitchOf(id))) {
        struck |= pitchOf(id) != NO_PITCH && !tiedById[id];
        voices++;
      } else {
        // Malformed: let the strict parser say where and why.
        parse(prefix, null);
        throw new MalformedChoraleTokensException("token " + i + ": " + describe(id) + " cannot come here", i,
            frames.count);
      }
    }
    if (voices == VOICES) {
      allowed[frameEndId] = true;
      return allowed;
    }
    if (voices == 0 && !fermata) {
      allowed[fermataId] = true;
      allowed[Vocabulary.END_ID] = frames.hasNote();
    }
    Voice voice = Voice.ofIndex(voices);
    boolean mustStrike = fermata && !struck && voices == VOICES - 1;
    allowed[restId] = !mustStrike;
    for (int pitch = Note.MIN_PITCH; pitch <= Note.MAX_PITCH; pitch++) {
      if (struckIdByPitch[pitch] != Vocabulary.UNK_ID && voice.inBachRange(pitch + shift)) {
        allowed[struckIdByPitch[pitch]] = true;
      }
    }
    int held = frames.count == 0 ? NO_PITCH : frames.pitch(frames.count - 1, voices);
    if (!mustStrike && held != NO_PITCH && tiedIdByPitch[held] != Vocabulary.UNK_ID) {
      allowed[tiedIdByPitch[held]] = true;
    }
    return allowed;
  }

  private String describe(int id) {
    return id >= 0 && id < vocabulary.size() ? vocabulary.token(id) : "id " + id;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Harmonisation

  /**
   * The harmonisation template of a chorale's soprano: the chorale is {@linkplain #prepare prepared}, and its
   * soprano's tokens and fermatas (only the soprano's) are fixed; alto, tenor and bass are free. Decode the filled
   * sequence with the template's key (the chorale's), meter and pickup.
   *
   * @throws IllegalArgumentException as {@link #harmonisationTemplate(List, Key, Meter, int)}
   */
  public HarmonisationTemplate harmonisationTemplate(Chorale chorale) {
    PreparedChorale prepared = prepare(chorale);
    Chorale c = prepared.chorale();
    checkMeter(c.meter(), c.pickup());
    return template(c.soprano(), prepared.semitones(), chorale.key(), c.meter(), c.pickup(), "soprano of "
        + chorale.id());
  }

  /**
   * The harmonisation template of a soprano line: its notes in {@code key}, sorted and not overlapping, on the
   * 16th-note grid (ticks from the start of the piece; gaps are rests); tied notes are merged, fermatas on its notes
   * give {@value #FERMATA} frames. The tokens are in C major / A minor; decode the filled sequence with the
   * template's key ({@code key}), meter and pickup.
   *
   * @throws IllegalArgumentException naming the note, its index and measure when a note lies outside the soprano's
   *     Bach range (A3-A5, MIDI 57-81), is off the 16th-note grid, overlaps the previous one, or has no token in
   *     the vocabulary once moved to C major / A minor; and for an unsupported metre (a bar or pickup that is not
   *     a whole number of 16ths)
   */
  public HarmonisationTemplate harmonisationTemplate(List<Note> soprano, Key key, Meter meter, int pickup) {
    Preconditions.checkNotNull(soprano, "soprano");
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(meter, "meter");
    checkMeter(meter, pickup);
    Preconditions.checkArgument(!soprano.isEmpty(), "the soprano has no notes: nothing to harmonise");
    int previousEnd = 0;
    for (int i = 0; i < soprano.size(); i++) {
      Note note = Preconditions.checkNotNull(soprano.get(i), "soprano note %s is null", i);
      if (note.start() < previousEnd) {
        throw new IllegalArgumentException("soprano note " + i + " (" + note + ", " + where(note, meter, pickup)
            + ") starts before the previous note ends at tick " + previousEnd
            + ": the soprano must be one line of notes sorted by start");
      }
      if (note.start() % FRAME_TICKS != 0 || note.end() % FRAME_TICKS != 0) {
        throw new IllegalArgumentException("soprano note " + i + " (" + note + ", " + where(note, meter, pickup)
            + ") is off the 16th-note grid: start and end must be multiples of " + FRAME_TICKS
            + " ticks (the nearest are " + roundToFrame(note.start()) + " and " + roundToFrame(note.end())
            + "); use harmonisationTemplate(Chorale), which quantises");
      }
      previousEnd = note.end();
    }
    for (int i = 0; i < soprano.size(); i++) {
      Note note = soprano.get(i);
      if (!Voice.SOPRANO.inBachRange(note.pitch())) {
        throw new IllegalArgumentException("soprano note " + i + " (" + note + ", MIDI " + note.pitch() + ", "
            + where(note, meter, pickup) + ") is outside the soprano's range " + rangeText(Voice.SOPRANO));
      }
    }
    int semitones = key.semitonesToNormal();
    List<Note> moved = new ArrayList<>(soprano.size());
    for (Note note : soprano) {
      moved.add(note.transpose(semitones));
    }
    List<Note> merged = mergeTies(moved, new int[4]);
    return template(merged, semitones, key, meter, pickup, "soprano");
  }

  private static void checkMeter(Meter meter, int pickup) {
    if (meter.barTicks() % FRAME_TICKS != 0) {
      throw new IllegalArgumentException("unsupported metre " + meter + ": a bar is not a whole number of 16th-note"
          + " frames (" + meter.barTicks() + " ticks, a 16th is " + FRAME_TICKS + "); supported are metres whose"
          + " bar is, such as 4/4, 3/4, 3/2, 6/8 or 12/8");
    }
    Preconditions.checkArgument(pickup >= 0 && pickup < meter.barTicks(),
        "the pickup must be 0..%s ticks (shorter than a bar of %s), was %s", meter.barTicks() - 1, meter, pickup);
    if (pickup % FRAME_TICKS != 0) {
      throw new IllegalArgumentException("unsupported pickup of " + pickup + " ticks: not a whole number of 16th-note"
          + " frames (" + FRAME_TICKS + " ticks each)");
    }
  }

  /** Template from soprano notes already in C major / A minor, on the grid, ties merged. */
  private HarmonisationTemplate template(List<Note> soprano, int semitones, Key key, Meter meter, int pickup,
      String what) {
    for (int i = 0; i < soprano.size(); i++) {
      Note note = soprano.get(i);
      int written = note.pitch() - semitones;
      if (!Voice.SOPRANO.inBachRange(written)) {
        Note original = note.transpose(-semitones);
        throw new IllegalArgumentException(what + " note " + i + " (" + original + ", MIDI " + written + ", "
            + where(note, meter, pickup) + ") is outside the soprano's range " + rangeText(Voice.SOPRANO));
      }
      boolean held = note.duration() > FRAME_TICKS;
      if (struckIdByPitch[note.pitch()] == Vocabulary.UNK_ID
          || (held && tiedIdByPitch[note.pitch()] == Vocabulary.UNK_ID)) {
        throw new IllegalArgumentException(what + " note " + i + " (" + note.transpose(-semitones) + ", "
            + where(note, meter, pickup) + ") is MIDI " + note.pitch() + " in " + key.transpose(semitones)
            + ", for which the vocabulary has no " + (held ? "struck and tied tokens" : "token") + " "
            + noteToken(note.pitch(), false) + (held ? " / " + noteToken(note.pitch(), true) : "")
            + ": the training chorales never had that pitch");
      }
    }
    int frames = soprano.get(soprano.size() - 1).end() / FRAME_TICKS;
    int fermatas = (int) soprano.stream().filter(Note::fermata).count();
    int length = 2 + frames * (VOICES + 1) + fermatas;
    int[] tokens = new int[length];
    boolean[] fixed = new boolean[length];
    int[] voices = new int[length];
    Arrays.fill(voices, -1);
    int n = 0;
    fixed[n] = true;
    tokens[n++] = Vocabulary.START_ID;
    int next = 0;
    for (int frame = 0; frame < frames; frame++) {
      int tick = frame * FRAME_TICKS;
      while (next < soprano.size() && soprano.get(next).end() <= tick) {
        next++;
      }
      Note note = next < soprano.size() && soprano.get(next).start() <= tick ? soprano.get(next) : null;
      if (note != null && note.fermata() && note.start() == tick) {
        fixed[n] = true;
        tokens[n++] = fermataId;
      }
      fixed[n] = true;
      voices[n] = 0;
      tokens[n++] = note == null ? restId : noteId(note.pitch(), note.start() < tick);
      for (int v = 1; v < VOICES; v++) {
        voices[n] = v;
        tokens[n++] = Vocabulary.MASK_ID;
      }
      fixed[n] = true;
      tokens[n++] = frameEndId;
    }
    fixed[n] = true;
    tokens[n++] = Vocabulary.END_ID;
    return new HarmonisationTemplate(tokens, fixed, voices, key, meter, pickup);
  }

  private static String where(Note note, Meter meter, int pickup) {
    int bar = meter.barTicks();
    int measure;
    int offset;
    if (pickup > 0) {
      measure = note.start() < pickup ? 0 : 1 + (note.start() - pickup) / bar;
      offset = note.start() < pickup ? note.start() : (note.start() - pickup) % bar;
    } else {
      measure = 1 + note.start() / bar;
      offset = note.start() % bar;
    }
    return "measure " + measure + (pickup > 0 ? " (0 is the pickup)" : "") + ", tick " + note.start()
        + (offset == 0 ? "" : " (" + offset + " ticks into the bar)");
  }

  private static String voiceName(Voice voice) {
    return voice.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String rangeText(Voice voice) {
    return Note.of(voice.bachLowest(), 0, 1).pitchName() + "-" + Note.of(voice.bachHighest(), 0, 1).pitchName()
        + " (MIDI " + voice.bachLowest() + "-" + voice.bachHighest() + ")";
  }

  @Override
  public String toString() {
    return "ChoraleTokenizer[" + vocabulary.size() + " tokens]";
  }
}
