package io.github.rocklstm.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Voice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ChoraleTokenizer on small hand-built chorales with hand-computed tokens. */
class ChoraleTokenizerTest {

  private static final int Q = Note.TICKS_PER_QUARTER;
  private static final int E = Q / 2;
  private static final int S = Q / 4;
  private static final Meter TWO_FOUR = new Meter(2, 4);
  private static final Key G_MAJOR = Key.major(PitchClass.G);

  /**
   * Two bars of 2/4 in G major. Soprano B4 A4 G4 (an 8th tied over the bar line to a quarter) A4 with a fermata;
   * alto D4 held for a half note, D4 struck again, F#4 with a fermata; tenor B3 C4, an 8th rest, B3 (8th) and C4
   * with a fermata; bass G2 D3 E3 D3, the last without a fermata mark.
   */
  private static Chorale handChorale() {
    List<Note> soprano = List.of(Note.of(71, 0, Q), Note.of(69, Q, E), new Note(67, Q + E, E, true, false, false),
        new Note(67, 2 * Q, Q, false, true, false), new Note(69, 3 * Q, Q, false, false, true));
    List<Note> alto = List.of(Note.of(62, 0, 2 * Q), Note.of(62, 2 * Q, Q), new Note(66, 3 * Q, Q, false, false, true));
    List<Note> tenor = List.of(Note.of(59, 0, Q), Note.of(60, Q, Q), Note.of(59, 2 * Q + E, E),
        new Note(60, 3 * Q, Q, false, false, true));
    List<Note> bass = List.of(Note.of(43, 0, Q), Note.of(50, Q, Q), Note.of(52, 2 * Q, Q), Note.of(50, 3 * Q, Q));
    return Chorale.of("hand", "Hand-built", G_MAJOR, TWO_FOUR, 0, soprano, alto, tenor, bass);
  }

  private static List<String> frame(String... voices) {
    return Arrays.asList(voices);
  }

  /** The hand-computed encoding: G major moves up 5 semitones to C major; 16 frames of a 16th. */
  private static List<String> handTokens() {
    List<String> t = new ArrayList<>();
    t.add("<start>");
    // Bar 1, beat 1: everything struck, then held for three more 16ths.
    t.addAll(frame("(76, False)", "(67, False)", "(64, False)", "(48, False)", "|||"));
    for (int i = 0; i < 3; i++) {
      t.addAll(frame("(76, True)", "(67, True)", "(64, True)", "(48, True)", "|||"));
    }
    // Beat 2: soprano A4 -> D5 (74) for an 8th, alto still holding, tenor C4 -> F4 (65), bass D3 -> G3 (55).
    t.addAll(frame("(74, False)", "(67, True)", "(65, False)", "(55, False)", "|||"));
    t.addAll(frame("(74, True)", "(67, True)", "(65, True)", "(55, True)", "|||"));
    // Second 8th of beat 2: soprano G4 -> C5 (72), tied on over the bar line.
    t.addAll(frame("(72, False)", "(67, True)", "(65, True)", "(55, True)", "|||"));
    t.addAll(frame("(72, True)", "(67, True)", "(65, True)", "(55, True)", "|||"));
    // Bar 2, beat 1: the tie continues, alto strikes G4 again, tenor rests for an 8th, bass E3 -> A3 (57).
    t.addAll(frame("(72, True)", "(67, False)", "rest", "(57, False)", "|||"));
    t.addAll(frame("(72, True)", "(67, True)", "rest", "(57, True)", "|||"));
    t.addAll(frame("(72, True)", "(67, True)", "(64, False)", "(57, True)", "|||"));
    t.addAll(frame("(72, True)", "(67, True)", "(64, True)", "(57, True)", "|||"));
    // Beat 2: the fermata opens the frame; F#4 -> B4 (71).
    t.add("(.)");
    t.addAll(frame("(74, False)", "(71, False)", "(65, False)", "(55, False)", "|||"));
    for (int i = 0; i < 3; i++) {
      t.addAll(frame("(74, True)", "(71, True)", "(65, True)", "(55, True)", "|||"));
    }
    t.add("<end>");
    return t;
  }

  private static ChoraleTokenizer handTokenizer() {
    return ChoraleTokenizer.fit(List.of(handChorale()));
  }

  private static int[] ids(ChoraleTokenizer tokenizer, String... tokens) {
    int[] ids = new int[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      // A typo in a test token must fail loudly instead of turning into UNK.
      assertTrue(tokenizer.vocabulary().contains(tokens[i]), "test token not in the vocabulary: " + tokens[i]);
      ids[i] = tokenizer.vocabulary().idOf(tokens[i]);
    }
    return ids;
  }

  private static final String[] FIRST_FRAME = {"<start>", "(76, False)", "(67, False)", "(64, False)",
      "(48, False)", "|||"};

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Encoding

  @Test
  void encodesTheHandBuiltChoraleExactly() {
    ChoraleTokenizer tokenizer = handTokenizer();
    int[] tokens = tokenizer.encode(handChorale());
    assertEquals(handTokens(), tokenizer.tokenStrings(tokens));
    assertEquals(2 + 16 * 5 + 1, tokens.length);
  }

  @Test
  void fitsTheVocabularyInItsDocumentedOrder() {
    Vocabulary vocabulary = handTokenizer().vocabulary();
    assertEquals(List.of("<pad>", "<start>", "<end>", "<unk>", "<mask>", "|||", "(.)", "rest",
        "(48, False)", "(48, True)", "(55, False)", "(55, True)", "(57, False)", "(57, True)",
        "(64, False)", "(64, True)", "(65, False)", "(65, True)", "(67, False)", "(67, True)",
        "(71, False)", "(71, True)", "(72, False)", "(72, True)", "(74, False)", "(74, True)",
        "(76, False)", "(76, True)"), vocabulary.tokens());
    ChoraleTokenizer reloaded = new ChoraleTokenizer(Vocabulary.of(vocabulary.tokens()));
    assertArrayEquals(handTokenizer().encode(handChorale()), reloaded.encode(handChorale()));
    assertEquals(5, reloaded.frameEndId());
    assertEquals(6, reloaded.fermataId());
    assertEquals(7, reloaded.restId());
    assertEquals(-1, reloaded.pitchOf(-1));
    assertEquals(-1, reloaded.pitchOf(reloaded.restId()));
    assertEquals(76, reloaded.pitchOf(reloaded.noteId(76, true)));
    assertTrue(reloaded.isTied(reloaded.noteId(76, true)));
    assertEquals(Vocabulary.UNK_ID, reloaded.noteId(60, false));
  }

  @Test
  void rejectsVocabulariesThatAreNotChoraleVocabularies() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChoraleTokenizer(Vocabulary.builder().add("|||").add("(.)").add("rest").add("(60,False)").build()));
    assertTrue(e.getMessage().contains("'(60,False)' (id 8)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ChoraleTokenizer(Vocabulary.builder().add("|||").add("(.)").add("rest").add("(128, True)").build()));
    assertTrue(e.getMessage().contains("(128, True)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ChoraleTokenizer(Vocabulary.builder().add("|||").add("(60, True)").build()));
    assertTrue(e.getMessage().contains("'(.)'"), e.getMessage());
  }

  @Test
  void writesNoteTokensAsBachBotDid() {
    assertEquals("(60, False)", ChoraleTokenizer.noteToken(60, false));
    assertEquals("(60, True)", ChoraleTokenizer.noteToken(60, true));
    assertThrows(IllegalArgumentException.class, () -> ChoraleTokenizer.noteToken(128, false));
  }

  @Test
  void anUnknownNoteEncodesAsUnk() {
    ChoraleTokenizer tokenizer = handTokenizer();
    Chorale c = Chorale.of("low", "Low", Key.C_MAJOR, TWO_FOUR, 0, List.of(Note.of(60, 0, S)), List.of(),
        List.of(), List.of());
    assertEquals(List.of("<start>", "<unk>", "rest", "rest", "rest", "|||", "<end>"),
        tokenizer.tokenStrings(tokenizer.encode(c)));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Preparation and quantisation

  @Test
  void preparesTheHandBuiltChorale() {
    PreparedChorale prepared = ChoraleTokenizer.prepare(handChorale());
    assertEquals(5, prepared.semitones());
    assertEquals(G_MAJOR, prepared.originalKey());
    assertEquals(Key.C_MAJOR, prepared.chorale().key());
    // 16 notes written; one tie merged; nothing off the grid; the bass D3 gains the fermata of its frame.
    assertEquals(new QuantisationReport(1, 16, 1, 0, 0, 1, 0), prepared.report());
    assertEquals(List.of(Note.of(76, 0, Q), Note.of(74, Q, E), Note.of(72, Q + E, E + Q),
        new Note(74, 3 * Q, Q, false, false, true)), prepared.chorale().soprano());
    assertEquals(new Note(55, 3 * Q, Q, false, false, true), prepared.chorale().bass().get(3));
    assertEquals(4 * Q, prepared.chorale().totalDuration());
    assertEquals(List.of(0, 2 * Q), prepared.chorale().measureStarts());
    assertEquals(prepared.chorale(), ChoraleTokenizer.prepare(prepared.chorale()).chorale());
  }

  @Test
  void roundsToTheNearest16thAndHalfWayLater() {
    assertEquals(0, ChoraleTokenizer.roundToFrame(0));
    assertEquals(0, ChoraleTokenizer.roundToFrame(S / 2 - 1));
    assertEquals(S, ChoraleTokenizer.roundToFrame(S / 2));
    assertEquals(S, ChoraleTokenizer.roundToFrame(S + S / 2 - 1));
    assertEquals(2 * S, ChoraleTokenizer.roundToFrame(S + S / 2));
  }

  @Test
  void quantisesOffGridNotesAndCountsWhatMovedAndVanished() {
    int t32 = S / 2;
    // Soprano: a dotted 16th and a 32nd (with a fermata) on beat 1, then a quarter from the second 8th.
    List<Note> soprano = List.of(Note.of(72, 0, 3 * t32), new Note(74, 3 * t32, t32, false, false, true),
        Note.of(76, E, Q));
    // Alto: a 16th starting a 32nd late, then a note on the grid.
    List<Note> alto = List.of(Note.of(67, t32, S), Note.of(65, E, Q));
    List<Note> tenor = List.of(Note.of(60, 0, E + Q));
    List<Note> bass = List.of(Note.of(48, 0, E + Q));
    Chorale c = Chorale.of("q", "Quantised", Key.C_MAJOR, TWO_FOUR, 0, soprano, alto, tenor, bass);
    PreparedChorale prepared = ChoraleTokenizer.prepare(c);
    // The dotted 16th ends half-way between 16ths and becomes an 8th; the 32nd starts and ends on the same line
    // once rounded and vanishes with its fermata; the late 16th moves a 32nd later and lasts a 16th.
    assertEquals(new QuantisationReport(1, 7, 0, 2, 1, 0, 1), prepared.report());
    assertEquals(List.of(Note.of(72, 0, E), Note.of(76, E, Q)), prepared.chorale().soprano());
    assertEquals(List.of(Note.of(67, S, S), Note.of(65, E, Q)), prepared.chorale().alto());
    assertFalse(prepared.report().timingUnchanged());
    assertTrue(handPrepared().report().timingUnchanged());
  }

  private static PreparedChorale handPrepared() {
    return ChoraleTokenizer.prepare(handChorale());
  }

  @Test
  void sumsReports() {
    QuantisationReport a = new QuantisationReport(1, 10, 1, 2, 3, 4, 5);
    assertEquals(new QuantisationReport(2, 20, 2, 4, 6, 8, 10), a.plus(a));
    assertEquals(a, QuantisationReport.ZERO.plus(a));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Decoding

  @Test
  void decodesBackToThePreparedChorale() {
    ChoraleTokenizer tokenizer = handTokenizer();
    int[] tokens = tokenizer.encode(handChorale());
    Chorale prepared = handPrepared().chorale();

    Chorale normal = tokenizer.decode(tokens, Key.C_MAJOR, TWO_FOUR, 0);
    assertEquals(prepared.voices(), normal.voices());
    assertEquals(Key.C_MAJOR, normal.key());
    assertEquals(prepared.measureStarts(), normal.measureStarts());
    assertEquals(ChoraleTokenizer.DECODED_ID, normal.id());

    Chorale inG = tokenizer.decode(tokens, G_MAJOR);
    assertEquals(G_MAJOR, inG.key());
    assertEquals(Meter.COMMON_TIME, inG.meter());
    assertEquals(List.of(Note.of(71, 0, Q), Note.of(69, Q, E), Note.of(67, Q + E, E + Q),
        new Note(69, 3 * Q, Q, false, false, true)), inG.soprano());
    assertEquals(List.of(Note.of(62, 0, 2 * Q), Note.of(62, 2 * Q, Q), new Note(66, 3 * Q, Q, false, false, true)),
        inG.alto());
    assertEquals(List.of(Note.of(59, 0, Q), Note.of(60, Q, Q), Note.of(59, 2 * Q + E, E),
        new Note(60, 3 * Q, Q, false, false, true)), inG.tenor());
    assertEquals(List.of(Note.of(43, 0, Q), Note.of(50, Q, Q), Note.of(52, 2 * Q, Q),
        new Note(50, 3 * Q, Q, false, false, true)), inG.bass());

    // Without a key: the bass ends on G (not A) and C/G outweigh A/E, so C major; 4/4, no pickup.
    Chorale guessed = tokenizer.decode(tokens);
    assertEquals(Key.C_MAJOR, guessed.key());
    assertEquals(prepared.voices(), guessed.voices());
    assertEquals(List.of(0), guessed.measureStarts());
  }

  @Test
  void guessesTheNormalisedKeyFromTheNotes() {
    Chorale endsOnA = Chorale.of("m", "M", Key.C_MAJOR, TWO_FOUR, 0, List.of(Note.of(72, 0, Q)),
        List.of(Note.of(64, 0, Q)), List.of(Note.of(60, 0, Q)), List.of(Note.of(45, 0, Q)));
    assertEquals(Key.A_MINOR, ChoraleTokenizer.guessNormalisedKey(endsOnA));
    // The bass ends on E, not A, but A and E (2 quarters) outweigh C and G (1 quarter; G# is not G): A minor.
    Chorale phrygian = Chorale.of("p", "P", Key.C_MAJOR, TWO_FOUR, 0, List.of(Note.of(68, 0, Q)),
        List.of(Note.of(64, 0, Q)), List.of(Note.of(60, 0, Q)), List.of(Note.of(40, 0, Q)));
    assertEquals(Key.A_MINOR, ChoraleTokenizer.guessNormalisedKey(phrygian));
    assertEquals(Key.C_MAJOR, ChoraleTokenizer.guessNormalisedKey(handPrepared().chorale()));
  }

  @Test
  void ignoresPadAndStopsAtEnd() {
    ChoraleTokenizer tokenizer = handTokenizer();
    int[] tokens = tokenizer.encode(handChorale());
    int[] padded = Arrays.copyOf(tokens, tokens.length + 3);
    padded[tokens.length] = tokenizer.noteId(76, false); // after END: ignored
    int[] withPad = new int[tokens.length + 1];
    withPad[0] = tokens[0];
    withPad[1] = Vocabulary.PAD_ID;
    System.arraycopy(tokens, 1, withPad, 2, tokens.length - 1);
    Chorale expected = tokenizer.decode(tokens, Key.C_MAJOR);
    assertEquals(expected, tokenizer.decode(padded, Key.C_MAJOR));
    assertEquals(expected, tokenizer.decode(withPad, Key.C_MAJOR));
    // Without START and END (a sample cut at a frame end) it reads the same.
    assertEquals(expected, tokenizer.decode(Arrays.copyOfRange(tokens, 1, tokens.length - 1), Key.C_MAJOR));
  }

  @Test
  void strictDecodingNamesTheTokenIndexOfEachMalformation() {
    ChoraleTokenizer t = handTokenizer();
    // A frame with three voice tokens: the ||| at index 4.
    MalformedChoraleTokensException e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, "<start>", "(76, False)", "(67, False)", "(64, False)", "|||", "<end>")));
    assertEquals(4, e.tokenIndex());
    assertEquals(0, e.frame());
    assertTrue(e.getMessage().contains("token 4, frame 0: frame 0 ends (|||) after 3 voice tokens"), e.getMessage());
    // A fifth voice token: the missing |||.
    e = assertThrows(MalformedChoraleTokensException.class, () -> t.decode(ids(t, "<start>", "(76, False)",
        "(67, False)", "(64, False)", "(48, False)", "(76, True)", "(67, True)", "(64, True)", "(48, True)", "|||")));
    assertEquals(5, e.tokenIndex());
    assertTrue(e.getMessage().contains("a fifth voice token ((76, True)) in frame 0: missing |||?"), e.getMessage());
    // A tied token whose pitch is not the voice's previous note.
    e = assertThrows(MalformedChoraleTokensException.class, () -> t.decode(ids(t,
        concat(FIRST_FRAME, "(76, True)", "(65, True)", "(64, True)", "(48, True)", "|||", "<end>"))));
    assertEquals(7, e.tokenIndex());
    assertEquals(1, e.frame());
    assertTrue(e.getMessage().contains("(65, True) continues the alto's note into frame 1, but the alto holds MIDI 67"
        + " in frame 0"), e.getMessage());
    // A tied token in the first frame, and one after a rest.
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, "<start>", "(76, True)", "rest", "rest", "rest", "|||")));
    assertEquals(1, e.tokenIndex());
    assertTrue(e.getMessage().contains("there is no previous frame"), e.getMessage());
    e = assertThrows(MalformedChoraleTokensException.class, () -> t.decode(ids(t, "<start>", "(76, False)", "rest",
        "rest", "rest", "|||", "(76, True)", "(67, True)", "rest", "rest", "|||")));
    assertEquals(7, e.tokenIndex());
    assertTrue(e.getMessage().contains("the alto rests in frame 0"), e.getMessage());
    // END inside a frame, and a cut-off sequence.
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, concat(FIRST_FRAME, "(76, True)", "(67, True)", "<end>"))));
    assertEquals(8, e.tokenIndex());
    assertTrue(e.getMessage().contains("ends inside frame 1 (after 2 voice tokens) without |||"), e.getMessage());
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, concat(FIRST_FRAME, "(76, True)"))));
    assertEquals(7, e.tokenIndex());
    // A fermata after the soprano, a second fermata, a fermata where nothing is struck, a dangling fermata.
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, "<start>", "(76, False)", "(.)", "(67, False)", "(64, False)", "(48, False)", "|||")));
    assertEquals(2, e.tokenIndex());
    assertTrue(e.getMessage().contains("(.) after 1 voice token of frame 0; it must open its frame"), e.getMessage());
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, "<start>", "(.)", "(.)", "(76, False)", "(67, False)", "(64, False)", "(48, False)")));
    assertEquals(2, e.tokenIndex());
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, concat(FIRST_FRAME, "(.)", "(76, True)", "(67, True)", "(64, True)", "(48, True)",
            "|||"))));
    assertEquals(6, e.tokenIndex());
    assertTrue(e.getMessage().contains("(.) on frame 1, where no voice strikes a note"), e.getMessage());
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.decode(ids(t, concat(FIRST_FRAME, "(.)", "<end>"))));
    assertEquals(6, e.tokenIndex());
    // Specials and ids outside the vocabulary where a voice token goes.
    for (String special : List.of("<unk>", "<mask>", "<start>")) {
      e = assertThrows(MalformedChoraleTokensException.class,
          () -> t.decode(ids(t, "<start>", "(76, False)", special, "(64, False)", "(48, False)", "|||")));
      assertEquals(2, e.tokenIndex());
      assertTrue(e.getMessage().contains("token " + special + " where the alto of frame 0 goes"), e.getMessage());
    }
    int[] outside = ids(t, "<start>", "(76, False)", "rest", "rest", "rest", "|||");
    outside[3] = 999;
    e = assertThrows(MalformedChoraleTokensException.class, () -> t.decode(outside));
    assertEquals(3, e.tokenIndex());
    assertTrue(e.getMessage().contains("token id 999 (outside the vocabulary, ids 0..27)"), e.getMessage());
    // Well formed but silent: no chorale.
    IllegalArgumentException silent = assertThrows(IllegalArgumentException.class,
        () -> t.decode(ids(t, "<start>", "rest", "rest", "rest", "rest", "|||", "<end>")));
    assertTrue(silent.getMessage().contains("the tokens hold no note (1 frame"), silent.getMessage());
    assertFalse(silent instanceof MalformedChoraleTokensException);
  }

  @Test
  void lenientDecodingRepairsAndReports() {
    ChoraleTokenizer t = handTokenizer();
    // Frame 0 lacks its bass; frame 1 ties the alto to a pitch it does not hold and misses its |||, so a fifth
    // voice token starts frame 2, which is cut off after the soprano.
    int[] tokens = ids(t, "<start>", "(76, False)", "(67, False)", "(64, False)", "|||",
        "(76, True)", "(65, True)", "(64, True)", "(48, False)", "(74, False)");
    LenientDecoding decoded = t.decodeLenient(tokens);
    assertEquals(List.of(
        new FrameProblem(4, 0, "frame 0 ends (|||) after 3 voice tokens; a frame holds four, soprano alto tenor bass"
            + " (rest for a silent voice); the missing lower voices rest"),
        new FrameProblem(6, 1, "(65, True) continues the alto's note into frame 1, but the alto holds MIDI 67 in"
            + " frame 0; the note is struck instead"),
        new FrameProblem(9, 1, "a fifth voice token ((74, False)) in frame 1: missing |||?; the frame is closed"
            + " before it"),
        new FrameProblem(10, 2, "the sequence ends inside frame 2 (after 1 voice token) without |||; the frame is"
            + " closed, missing voices resting")), decoded.repairs());
    assertFalse(decoded.clean());
    Chorale c = decoded.chorale();
    assertEquals(List.of(Note.of(76, 0, 2 * S), Note.of(74, 2 * S, S)), c.soprano());
    assertEquals(List.of(Note.of(67, 0, S), Note.of(65, S, S)), c.alto());
    assertEquals(List.of(Note.of(64, 0, 2 * S)), c.tenor());
    assertEquals(List.of(Note.of(48, S, S)), c.bass());

    // Specials in voice slots read as rests; a late or repeated fermata still marks its frame once.
    LenientDecoding specials = t.decodeLenient(ids(t, "<start>", "(76, False)", "(.)", "<mask>", "(.)", "<unk>",
        "(48, False)", "|||", "<end>"));
    assertEquals(List.of(2, 3, 4, 5), specials.repairs().stream().map(FrameProblem::tokenIndex).toList());
    assertEquals(List.of(new Note(76, 0, S, false, false, true)), specials.chorale().soprano());
    assertEquals(List.of(), specials.chorale().alto());
    assertEquals(List.of(new Note(48, 0, S, false, false, true)), specials.chorale().bass());

    // A well-formed sequence needs no repair and decodes as strictly.
    int[] good = t.encode(handChorale());
    LenientDecoding clean = t.decodeLenient(good, G_MAJOR, TWO_FOUR, 0);
    assertTrue(clean.clean());
    assertEquals(t.decode(good, G_MAJOR, TWO_FOUR, 0), clean.chorale());
    assertThrows(IllegalArgumentException.class, () -> t.decodeLenient(new int[] {Vocabulary.START_ID,
        Vocabulary.END_ID}));
  }

  @Test
  void validatesFramesAndRanges() {
    ChoraleTokenizer t = handTokenizer();
    FrameValidation valid = t.validateFrames(t.encode(handChorale()));
    assertTrue(valid.valid(), valid.problems().toString());
    assertEquals(16, valid.frames());
    assertEquals(2, valid.rests());
    // Read in G major (5 semitones down) the hand-built chorale is itself again: in range.
    FrameValidation inG = t.validateFrames(t.encode(handChorale()), G_MAJOR);
    assertTrue(inG.valid(), inG.problems().toString());
    ChoraleTokenizer wide = new ChoraleTokenizer(Vocabulary.builder().add("|||").add("(.)").add("rest")
        .add("(84, False)").add("(60, False)").add("(55, False)").add("(35, False)").build());
    FrameValidation outOfRange = wide.validateFrames(ids(wide, "<start>", "(84, False)", "(60, False)",
        "(55, False)", "(35, False)", "|||", "(60, False)", "rest", "|||", "<end>"));
    assertFalse(outOfRange.valid());
    assertEquals(List.of(
        new FrameProblem(1, 0, "soprano (84, False) is outside the soprano's range A3-A5 (MIDI 57-81)"),
        new FrameProblem(4, 0, "bass (35, False) is outside the bass's range C2-E4 (MIDI 36-64)"),
        new FrameProblem(8, 1, "frame 1 ends (|||) after 2 voice tokens; a frame holds four, soprano alto tenor bass"
            + " (rest for a silent voice); the missing lower voices rest")), outOfRange.problems());
    assertEquals(2, outOfRange.frames());
    assertEquals(3, outOfRange.rests());
    // Moved to G major (5 semitones down from C) the soprano is G5 (79): in range; the bass (30) is not.
    FrameValidation inG2 = wide.validateFrames(ids(wide, "<start>", "(84, False)", "(60, False)", "(55, False)",
        "(35, False)", "|||", "<end>"), G_MAJOR);
    assertEquals(List.of(new FrameProblem(4, 0, "bass (35, False) (MIDI 30 in G) is outside the bass's range C2-E4"
        + " (MIDI 36-64)")), inG2.problems());
    // Moved to F major (5 semitones up from C) the bass is F2 (40), in range, and the soprano F6 (89) is not.
    FrameValidation inF = wide.validateFrames(ids(wide, "<start>", "(84, False)", "(60, False)", "(55, False)",
        "(35, False)", "|||", "<end>"), Key.major(PitchClass.F));
    assertEquals(List.of(new FrameProblem(1, 0, "soprano (84, False) (MIDI 89 in F) is outside the soprano's range"
        + " A3-A5 (MIDI 57-81)")), inF.problems());
  }

  // -------------------------------------------------------------------------------------------------------------
  // Grammar for constrained sampling

  private static List<String> allowed(ChoraleTokenizer t, Key key, String... prefix) {
    boolean[] mask = t.allowedNext(ids(t, prefix), key);
    List<String> tokens = new ArrayList<>();
    for (int id = 0; id < mask.length; id++) {
      if (mask[id]) {
        tokens.add(t.vocabulary().token(id));
      }
    }
    return tokens;
  }

  @Test
  void allowedNextFollowsTheFrameGrammarAndTheRanges() {
    ChoraleTokenizer t = handTokenizer();
    // First soprano: no END before a note, no tied token without a previous frame, soprano range 57-81 only.
    assertEquals(List.of("(.)", "rest", "(57, False)", "(64, False)", "(65, False)", "(67, False)", "(71, False)",
        "(72, False)", "(74, False)", "(76, False)"), allowed(t, null, "<start>"));
    // At a frame boundary after a note: END too, and the soprano may hold its E5.
    assertEquals(List.of("<end>", "(.)", "rest", "(57, False)", "(64, False)", "(65, False)", "(67, False)",
        "(71, False)", "(72, False)", "(74, False)", "(76, False)", "(76, True)"), allowed(t, null, FIRST_FRAME));
    // The bass: range 36-64, may hold its C3.
    assertEquals(List.of("rest", "(48, False)", "(48, True)", "(55, False)", "(57, False)", "(64, False)"),
        allowed(t, null, concat(FIRST_FRAME, "(76, True)", "(67, True)", "(64, True)")));
    // After a fermata and three held voices the bass must strike.
    assertEquals(List.of("(48, False)", "(55, False)", "(57, False)", "(64, False)"),
        allowed(t, null, concat(FIRST_FRAME, "(.)", "(76, True)", "(67, True)", "(64, True)")));
    assertEquals(List.of("|||"), allowed(t, null, concat(FIRST_FRAME, "(76, True)", "(67, True)", "(64, True)",
        "(48, True)")));
    assertEquals(List.of("<pad>"), allowed(t, null, concat(FIRST_FRAME, "<end>")));
    // Ranges judged in G major: 5 semitones lower, so the soprano may go up to 86 and the bass down to 41.
    assertTrue(allowed(t, G_MAJOR, "<start>").containsAll(List.of("(76, False)", "(74, False)")));
    assertFalse(allowed(t, G_MAJOR, "<start>").contains("(57, False)"));
    MalformedChoraleTokensException e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.allowedNext(ids(t, concat(FIRST_FRAME, "(74, True)")), null));
    assertEquals(6, e.tokenIndex());
    e = assertThrows(MalformedChoraleTokensException.class,
        () -> t.allowedNext(ids(t, "<start>", "(76, False)", "(.)"), null));
    assertEquals(2, e.tokenIndex());
  }

  @Test
  void randomWalksThroughAllowedTokensAlwaysDecodeIntoFourVoicesInRange() {
    ChoraleTokenizer t = handTokenizer();
    java.util.Random random = new java.util.Random(2016);
    for (Key key : Arrays.asList(null, G_MAJOR)) {
      for (int walk = 0; walk < 50; walk++) {
        List<Integer> sequence = new ArrayList<>(List.of(Vocabulary.START_ID));
        while (sequence.get(sequence.size() - 1) != Vocabulary.END_ID) {
          boolean[] mask = t.allowedNext(sequence.stream().mapToInt(Integer::intValue).toArray(), key);
          List<Integer> choices = new ArrayList<>();
          for (int id = 0; id < mask.length; id++) {
            if (mask[id]) {
              choices.add(id);
            }
          }
          int next = sequence.size() > 120 && mask[Vocabulary.END_ID] ? Vocabulary.END_ID
              : choices.get(random.nextInt(choices.size()));
          sequence.add(next);
        }
        int[] tokens = sequence.stream().mapToInt(Integer::intValue).toArray();
        FrameValidation validation = t.validateFrames(tokens, key);
        assertTrue(validation.valid(), validation.problems().toString());
        assertTrue(t.decodeLenient(tokens, key, Meter.COMMON_TIME, 0).clean());
        t.decode(tokens, key);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Harmonisation templates

  @Test
  void buildsTheHarmonisationTemplateOfASoprano() {
    ChoraleTokenizer t = handTokenizer();
    HarmonisationTemplate template = t.harmonisationTemplate(handChorale());
    int[] full = t.encode(handChorale());
    assertEquals(full.length, template.length());
    assertEquals(16, template.frames());
    assertEquals(G_MAJOR, template.key());
    assertEquals(TWO_FOUR, template.meter());
    assertEquals(0, template.pickup());
    // Fixed: START, END, every |||, the (.) and the soprano tokens, all as encode wrote them; free: A, T, B.
    List<String> expected = new ArrayList<>();
    List<String> hand = handTokens();
    int voice = 0;
    for (String token : hand) {
      boolean voiceToken = token.startsWith("(") && !token.equals("(.)") || token.equals("rest");
      expected.add(voiceToken && voice++ % 4 != 0 ? "<mask>" : token);
    }
    assertEquals(expected, t.tokenStrings(template.tokens()));
    int[] free = template.freePositions();
    assertEquals(48, free.length);
    for (int i = 0; i < full.length; i++) {
      assertEquals(template.isFixed(i), template.tokenAt(i) != Vocabulary.MASK_ID);
      if (template.isFixed(i)) {
        assertEquals(full[i], template.tokenAt(i), "position " + i);
      }
    }
    assertEquals(Optional.of(Voice.ALTO), template.voiceAt(free[0]));
    assertEquals(Optional.of(Voice.TENOR), template.voiceAt(free[1]));
    assertEquals(Optional.of(Voice.BASS), template.voiceAt(free[2]));
    assertEquals(Optional.of(Voice.SOPRANO), template.voiceAt(1));
    assertEquals(Optional.empty(), template.voiceAt(0));
    assertEquals(Optional.empty(), template.voiceAt(5));
    // Bach's own harmonisation fills the template; decoded with the template's settings it is the chorale.
    Chorale filled = t.decode(full, template.key(), template.meter(), template.pickup());
    assertEquals(handPrepared().chorale().transpose(-5).voices(), filled.voices());

    // The same soprano given as notes in G major gives the same template.
    assertEquals(template, t.harmonisationTemplate(handChorale().soprano(), G_MAJOR, TWO_FOUR, 0));
    // The arrays are copies.
    template.tokens()[0] = 99;
    assertEquals(Vocabulary.START_ID, template.tokenAt(0));
  }

  @Test
  void aSopranoRestIsAFixedRestToken() {
    ChoraleTokenizer t = handTokenizer();
    HarmonisationTemplate template = t.harmonisationTemplate(List.of(Note.of(71, S, S)), G_MAJOR, TWO_FOUR, 0);
    assertEquals(List.of("<start>", "rest", "<mask>", "<mask>", "<mask>", "|||", "(76, False)", "<mask>", "<mask>",
        "<mask>", "|||", "<end>"), t.tokenStrings(template.tokens()));
  }

  @Test
  void harmonisationTemplateErrorsNameTheProblem() {
    ChoraleTokenizer t = handTokenizer();
    List<Note> tooHigh = List.of(Note.of(71, 0, Q), Note.of(84, Q, Q));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(tooHigh, G_MAJOR, TWO_FOUR, 0));
    assertEquals("soprano note 1 (C6@10080+10080, MIDI 84, measure 1, tick 10080 (10080 ticks into the bar)) is"
        + " outside the soprano's range A3-A5 (MIDI 57-81)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(List.of(Note.of(71, 0, Q), Note.of(55, Q + 2 * Q, Q)), G_MAJOR, TWO_FOUR, 0));
    assertTrue(e.getMessage().startsWith("soprano note 1 (G3@30240+10080, MIDI 55, measure 2, tick 30240"),
        e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(List.of(Note.of(71, S / 2, Q)), G_MAJOR, TWO_FOUR, 0));
    assertTrue(e.getMessage().startsWith("soprano note 0 (B4@1260+10080, measure 1, tick 1260 (1260 ticks into the"
        + " bar)) is off the 16th-note grid"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(List.of(Note.of(71, 0, Q)), G_MAJOR, new Meter(7, 32), 0));
    assertTrue(e.getMessage().startsWith("unsupported metre 7/32: a bar is not a whole number of 16th-note frames"
        + " (8820 ticks"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(List.of(Note.of(71, 0, Q)), G_MAJOR, TWO_FOUR, S / 2));
    assertTrue(e.getMessage().startsWith("unsupported pickup of 1260 ticks"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(List.of(Note.of(71, 0, Q), Note.of(69, E, Q)), G_MAJOR, TWO_FOUR, 0));
    assertTrue(e.getMessage().contains("starts before the previous note ends"), e.getMessage());

    // In range, but the hand-built vocabulary has no (70, ...): F4 in G major is B-flat 4 in C major.
    e = assertThrows(IllegalArgumentException.class,
        () -> t.harmonisationTemplate(List.of(Note.of(65, 0, Q)), G_MAJOR, TWO_FOUR, 0));
    assertTrue(e.getMessage().contains("is MIDI 70 in C, for which the vocabulary has no struck and tied tokens"
        + " (70, False) / (70, True)"), e.getMessage());

    assertThrows(IllegalArgumentException.class, () -> t.harmonisationTemplate(List.of(), G_MAJOR, TWO_FOUR, 0));
  }

  @Test
  void templatesCheckTheirOwnShape() {
    assertThrows(IllegalArgumentException.class, () -> new HarmonisationTemplate(new int[] {1, 4, 2},
        new boolean[] {true, false, true}, new int[] {-1, 0, -1}, Key.C_MAJOR, TWO_FOUR, 0));
    assertThrows(IllegalArgumentException.class, () -> new HarmonisationTemplate(new int[] {1, 4, 2},
        new boolean[] {true, true, true}, new int[] {-1, 1, -1}, Key.C_MAJOR, TWO_FOUR, 0));
    HarmonisationTemplate ok = new HarmonisationTemplate(new int[] {1, 4, 2}, new boolean[] {true, false, true},
        new int[] {-1, 2, -1}, Key.C_MAJOR, TWO_FOUR, 0);
    assertArrayEquals(new int[] {1}, ok.freePositions());
    assertEquals(Optional.of(Voice.TENOR), ok.voiceAt(1));
    assertEquals(0, ok.frames());
  }
}
