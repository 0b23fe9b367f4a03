package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Voice;
import java.util.Arrays;
import java.util.Optional;

/**
 * The token sequence of a chorale whose soprano is given and whose alto, tenor and bass are to be filled in, as
 * {@link ChoraleTokenizer#harmonisationTemplate} builds it for a constrained sampler.
 *
 * <p>Because every frame of the encoding holds exactly four voice tokens, the soprano alone fixes the length and
 * layout of the whole sequence: {@code START}, then per 16th-note frame {@code [(.)] S A T B |||}, then
 * {@code END}. Every position is {@linkplain #fixed() fixed} (START, END, {@code (.)}, {@code |||} and the
 * soprano's tokens) except the alto, tenor and bass slots, which hold {@link Vocabulary#MASK_ID} in
 * {@link #tokens()}. A sampler that keeps the fixed tokens and puts one voice token in each free slot produces a
 * sequence that {@link ChoraleTokenizer#decode(int[], Key, Meter, int)} reads with this template's key, meter and
 * pickup.
 *
 * <p>The arrays are copied in and out; two templates are equal when their arrays, key, meter and pickup are.
 *
 * @param tokens token ids, {@link Vocabulary#MASK_ID} at every free position
 * @param fixed whether each position is fixed
 * @param voices the voice index (0 soprano to 3 bass) of each voice slot, -1 at START, END, {@code (.)} and
 *     {@code |||}
 * @param key the soprano's key as given: decode the filled sequence with it to get the harmonisation back in that
 *     key (the tokens themselves are in C major or A minor)
 * @param meter the metre to decode with
 * @param pickup the pickup to decode with, in ticks
 */
public record HarmonisationTemplate(int[] tokens, boolean[] fixed, int[] voices, Key key, Meter meter, int pickup) {

  public HarmonisationTemplate {
    Preconditions.checkNotNull(tokens, "tokens");
    Preconditions.checkNotNull(fixed, "fixed");
    Preconditions.checkNotNull(voices, "voices");
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(meter, "meter");
    Preconditions.checkArgument(tokens.length == fixed.length && tokens.length == voices.length,
        "tokens, fixed and voices must have one entry per position (%s, %s, %s)", tokens.length, fixed.length,
        voices.length);
    Preconditions.checkArgument(pickup >= 0, "pickup must be >= 0, was %s", pickup);
    for (int i = 0; i < tokens.length; i++) {
      Preconditions.checkArgument(voices[i] >= -1 && voices[i] <= 3, "position %s: voice %s is not -1..3", i,
          voices[i]);
      Preconditions.checkArgument(fixed[i] == (tokens[i] != Vocabulary.MASK_ID),
          "position %s: a free position holds MASK and a fixed one does not (token %s, fixed %s)", i, tokens[i],
          fixed[i]);
      Preconditions.checkArgument(fixed[i] || voices[i] >= 1,
          "position %s: only alto, tenor and bass slots can be free", i);
    }
    tokens = tokens.clone();
    fixed = fixed.clone();
    voices = voices.clone();
  }

  /** The token ids, MASK at free positions (a copy). */
  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  /** Whether each position is fixed (a copy). */
  @Override
  public boolean[] fixed() {
    return fixed.clone();
  }

  /** The voice index of each position, -1 where no voice token goes (a copy). */
  @Override
  public int[] voices() {
    return voices.clone();
  }

  /** The number of positions, START and END included. */
  public int length() {
    return tokens.length;
  }

  /** The token at {@code position}: the fixed token, or MASK. */
  public int tokenAt(int position) {
    return tokens[position];
  }

  /** Whether {@code position} is fixed. */
  public boolean isFixed(int position) {
    return fixed[position];
  }

  /** The voice whose token goes at {@code position}, or empty at START, END, {@code (.)} and {@code |||}. */
  public Optional<Voice> voiceAt(int position) {
    int v = voices[position];
    return v < 0 ? Optional.empty() : Optional.of(Voice.ofIndex(v));
  }

  /** The free positions in ascending order. */
  public int[] freePositions() {
    return java.util.stream.IntStream.range(0, fixed.length).filter(i -> !fixed[i]).toArray();
  }

  /** The number of 16th-note frames. */
  public int frames() {
    return (int) Arrays.stream(voices).filter(v -> v == 0).count();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HarmonisationTemplate t && Arrays.equals(tokens, t.tokens)
        && Arrays.equals(fixed, t.fixed) && Arrays.equals(voices, t.voices) && key.equals(t.key)
        && meter.equals(t.meter) && pickup == t.pickup;
  }

  @Override
  public int hashCode() {
    return ((Arrays.hashCode(tokens) * 31 + Arrays.hashCode(fixed)) * 31 + key.hashCode()) * 31 + pickup;
  }

  /** {@code HarmonisationTemplate[64 frames, 322 positions, 192 free, key G, 4/4, pickup 10080]}. */
  @Override
  public String toString() {
    return "HarmonisationTemplate[" + frames() + " frames, " + tokens.length + " positions, "
        + freePositions().length + " free, key " + key + ", " + meter + ", pickup " + pickup + "]";
  }
}
