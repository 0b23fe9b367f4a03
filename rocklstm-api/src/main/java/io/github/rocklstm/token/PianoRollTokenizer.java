package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import java.util.Arrays;
import java.util.List;

/**
 * Tokenizes an 88-key piano roll (a piece as a list of frames, each frame the MIDI pitches sounding then) so that a
 * softmax next-token model can give an exact frame likelihood: {@code START}, then per frame its sounding pitches in
 * ascending order as {@code p21} .. {@code p108} followed by the frame delimiter {@value #FRAME_END}, then
 * {@code END}. An empty frame (silence) is the delimiter alone.
 *
 * <p>A frame is a set of pitches, and ascending order makes the mapping between the 2^88 possible frames and the
 * token strings "ascending pitch tokens, then {@value #FRAME_END}" a bijection. So the product of the token
 * probabilities of one frame (its pitch tokens and its delimiter), each conditioned on everything before it, is the
 * probability of the frame given the frames before it: the model factorises each frame autoregressively, pitch by
 * pitch from the lowest, instead of with 88 independent sigmoids, and its likelihood is exact (see
 * {@link io.github.rocklstm.eval.FrameLikelihood}).
 *
 * <p>{@link #encode} sorts each frame and drops repeated pitches (a frame is a set); a pitch outside MIDI
 * {@value #LOWEST_PITCH}..{@value #HIGHEST_PITCH} is an {@link IllegalArgumentException} naming the frame, never
 * {@code UNK}, which would break the bijection. {@link #decode} follows {@link Tokenizer}: it also rejects pitch
 * tokens that do not ascend within a frame and {@code UNK}; a sequence cut off without {@code END} keeps its last,
 * unfinished frame. Immutable and thread-safe.
 */
public final class PianoRollTokenizer implements Tokenizer<ImmutableList<ImmutableIntArray>> {

  /** The lowest piano key, A0. */
  public static final int LOWEST_PITCH = 21;
  /** The highest piano key, C8. */
  public static final int HIGHEST_PITCH = 108;
  /** The number of pitches, 88. */
  public static final int PITCHES = HIGHEST_PITCH - LOWEST_PITCH + 1;
  /** The token that ends every frame. */
  public static final String FRAME_END = "|";
  /** The id of {@value #FRAME_END}: the first id after the specials. */
  public static final int FRAME_END_ID = 5;

  private static final int FIRST_PITCH_ID = FRAME_END_ID + 1;
  private static final PianoRollTokenizer INSTANCE = new PianoRollTokenizer();

  private final Vocabulary vocabulary;

  private PianoRollTokenizer() {
    Vocabulary.Builder builder = Vocabulary.builder().add(FRAME_END);
    for (int pitch = LOWEST_PITCH; pitch <= HIGHEST_PITCH; pitch++) {
      builder.add(pitchToken(pitch));
    }
    vocabulary = builder.build();
    Preconditions.checkState(vocabulary.idOf(FRAME_END) == FRAME_END_ID, "frame delimiter id");
  }

  /** The tokenizer (it has no settings, so there is one). */
  public static PianoRollTokenizer create() {
    return INSTANCE;
  }

  /** The token of a pitch, {@code p60} for middle C. */
  public static String pitchToken(int pitch) {
    checkPitch(pitch);
    return "p" + pitch;
  }

  /** The id of a pitch's token. */
  public int pitchId(int pitch) {
    checkPitch(pitch);
    return FIRST_PITCH_ID + pitch - LOWEST_PITCH;
  }

  /** Whether {@code id} is a pitch token. */
  public boolean isPitch(int id) {
    return id >= FIRST_PITCH_ID && id < FIRST_PITCH_ID + PITCHES;
  }

  /** The pitch of a pitch token id; {@link IllegalArgumentException} for any other id. */
  public int pitchOf(int id) {
    Preconditions.checkArgument(isPitch(id), "token id %s is not a pitch (pitch ids are %s..%s)", id,
        FIRST_PITCH_ID, FIRST_PITCH_ID + PITCHES - 1);
    return LOWEST_PITCH + id - FIRST_PITCH_ID;
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int[] encode(ImmutableList<ImmutableIntArray> frames) {
    Preconditions.checkNotNull(frames, "frames");
    int[] tokens = new int[tokenCount(frames)];
    int at = 0;
    tokens[at++] = Vocabulary.START_ID;
    for (int f = 0; f < frames.size(); f++) {
      for (int pitch : canonicalFrame(frames.get(f), f)) {
        tokens[at++] = FIRST_PITCH_ID + pitch - LOWEST_PITCH;
      }
      tokens[at++] = FRAME_END_ID;
    }
    tokens[at++] = Vocabulary.END_ID;
    return at == tokens.length ? tokens : Arrays.copyOf(tokens, at);
  }

  /** The sequences of {@link #encode} for each piece, in order. */
  public ImmutableList<int[]> encodeAll(List<? extends List<ImmutableIntArray>> pieces) {
    ImmutableList.Builder<int[]> sequences = ImmutableList.builderWithExpectedSize(pieces.size());
    for (List<ImmutableIntArray> piece : pieces) {
      sequences.add(encode(ImmutableList.copyOf(piece)));
    }
    return sequences.build();
  }

  @Override
  public ImmutableList<ImmutableIntArray> decode(int[] tokens) {
    Preconditions.checkNotNull(tokens, "tokens");
    ImmutableList.Builder<ImmutableIntArray> frames = ImmutableList.builder();
    ImmutableIntArray.Builder frame = ImmutableIntArray.builder(4);
    boolean open = false;
    int previous = -1;
    for (int i = 0; i < tokens.length; i++) {
      int id = tokens[i];
      if (id < 0 || id >= vocabulary.size()) {
        throw new IllegalArgumentException("token " + i + " is id " + id + ", outside the vocabulary of "
            + vocabulary.size());
      }
      if (id == Vocabulary.PAD_ID || (i == 0 && id == Vocabulary.START_ID)) {
        continue;
      }
      if (id == Vocabulary.END_ID) {
        return finish(frames, frame, open);
      }
      if (id == FRAME_END_ID) {
        frames.add(frame.build());
        frame = ImmutableIntArray.builder(4);
        open = false;
        previous = -1;
      } else if (isPitch(id)) {
        int pitch = pitchOf(id);
        if (pitch <= previous) {
          throw new IllegalArgumentException("token " + i + " (" + vocabulary.token(id) + ") does not ascend after "
              + pitchToken(previous) + ": pitches within a frame must be in ascending order, each once");
        }
        frame.add(pitch);
        previous = pitch;
        open = true;
      } else {
        throw new IllegalArgumentException("token " + i + " is " + vocabulary.token(id)
            + ", which cannot appear here (expected a pitch token, " + FRAME_END + " or " + Vocabulary.END + ")");
      }
    }
    return finish(frames, frame, open);
  }

  /** The number of frames a token sequence holds: the number of {@value #FRAME_END} tokens before END. */
  public static int frameCount(int[] tokens) {
    int frames = 0;
    for (int id : tokens) {
      if (id == Vocabulary.END_ID) {
        break;
      }
      if (id == FRAME_END_ID) {
        frames++;
      }
    }
    return frames;
  }

  /** The piece moved by {@code semitones}; {@link IllegalArgumentException} if a pitch would leave the piano. */
  public static ImmutableList<ImmutableIntArray> transpose(List<ImmutableIntArray> frames, int semitones) {
    ImmutableList.Builder<ImmutableIntArray> moved = ImmutableList.builderWithExpectedSize(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      ImmutableIntArray frame = frames.get(f);
      ImmutableIntArray.Builder b = ImmutableIntArray.builder(frame.length());
      for (int i = 0; i < frame.length(); i++) {
        int pitch = frame.get(i) + semitones;
        Preconditions.checkArgument(pitch >= LOWEST_PITCH && pitch <= HIGHEST_PITCH,
            "frame %s: pitch %s moved by %s semitones leaves the piano range %s..%s", f, frame.get(i), semitones,
            LOWEST_PITCH, HIGHEST_PITCH);
        b.add(pitch);
      }
      moved.add(b.build());
    }
    return moved.build();
  }

  /** Whether every pitch of the piece, moved by {@code semitones}, stays on the piano. */
  public static boolean fitsTransposed(List<ImmutableIntArray> frames, int semitones) {
    for (ImmutableIntArray frame : frames) {
      for (int i = 0; i < frame.length(); i++) {
        int pitch = frame.get(i) + semitones;
        if (pitch < LOWEST_PITCH || pitch > HIGHEST_PITCH) {
          return false;
        }
      }
    }
    return true;
  }

  private static ImmutableList<ImmutableIntArray> finish(ImmutableList.Builder<ImmutableIntArray> frames,
      ImmutableIntArray.Builder frame, boolean open) {
    if (open) {
      frames.add(frame.build());
    }
    return frames.build();
  }

  private static int tokenCount(List<ImmutableIntArray> frames) {
    int count = 2;
    for (ImmutableIntArray frame : frames) {
      count += frame.length() + 1;
    }
    return count;
  }

  private static int[] canonicalFrame(ImmutableIntArray frame, int index) {
    int[] pitches = frame.toArray();
    Arrays.sort(pitches);
    int distinct = 0;
    for (int i = 0; i < pitches.length; i++) {
      int pitch = pitches[i];
      if (pitch < LOWEST_PITCH || pitch > HIGHEST_PITCH) {
        throw new IllegalArgumentException("frame " + index + " " + frame + ": pitch " + pitch
            + " is outside the piano range " + LOWEST_PITCH + ".." + HIGHEST_PITCH);
      }
      if (distinct == 0 || pitches[distinct - 1] != pitch) {
        pitches[distinct++] = pitch;
      }
    }
    return distinct == pitches.length ? pitches : Arrays.copyOf(pitches, distinct);
  }

  private static void checkPitch(int pitch) {
    Preconditions.checkArgument(pitch >= LOWEST_PITCH && pitch <= HIGHEST_PITCH,
        "pitch %s is outside the piano range %s..%s", pitch, LOWEST_PITCH, HIGHEST_PITCH);
  }
}
