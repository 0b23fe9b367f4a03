package io.github.rocklstm.bench;

/**
 * The shapes every benchmark shares, in one place. Throughput depends on these numbers, not on what the tokens
 * mean, so the benchmarks feed synthetic tokens ({@link SyntheticTokens}).
 */
public final class BenchmarkShapes {

  /**
   * Vocabulary of the chord benchmarks: 31, the size of the Billboard chord tokenizer at the majmin level with one
   * token per beat and a bar-line token per bar ({@code ChordTokenizer} MAJMIN, PER_BAR, no section or genre
   * tokens): 5 specials, the bar line, N and the 24 major and minor triads.
   */
  public static final int CHORD_VOCABULARY = 31;

  /** Embedding width of every benchmarked model (BachBot's {@code wordvec} 32). */
  public static final int EMBEDDING_SIZE = 32;

  /** Dropout while training (BachBot's 0.3); scoring, sampling and generation run without dropout. */
  public static final double TRAINING_DROPOUT = 0.3;

  /** Windows per optimiser step of the chord training benchmark (the {@code TrainingConfig} default). */
  public static final int TRAINING_BATCH = 32;

  /** Truncated-BPTT window of the chord training benchmark, in target tokens (the {@code TrainingConfig} default). */
  public static final int TRAINING_BPTT = 64;

  /**
   * BachBot's vocabulary: 108 symbols (Liang 2016, thesis table 4.1). rocklstm's {@code ChoraleTokenizer} has 114
   * over the same corpus; the output layer is about 2% of a 3x256 model's FLOPs, so the difference does not matter.
   */
  public static final int BACHBOT_VOCABULARY = 108;

  /** BachBot's batch: 50 windows per step. */
  public static final int BACHBOT_BATCH = 50;

  /** BachBot's window: 128 tokens ({@code seq_length}). */
  public static final int BACHBOT_BPTT = 128;

  /** BachBot's model: 3 layers of 256 units. */
  public static final ModelSize BACHBOT_SIZE = new ModelSize(3, 256);

  /** Bars of a generated progression. */
  public static final int PROGRESSION_BARS = 32;

  /** Beats per bar (4/4): one chord token per beat. */
  public static final int BEATS_PER_BAR = 4;

  /** Chords (one per beat) of a generated progression: 32 bars of 4 beats, 128. */
  public static final int CHORDS_PER_PROGRESSION = PROGRESSION_BARS * BEATS_PER_BAR;

  /**
   * Tokens of a progression between START and END: per bar a bar line and 4 beats, 32 x 5 = 160. A generated
   * sequence is START, these 160 tokens, END: 162 tokens.
   */
  public static final int PROGRESSION_TOKENS = PROGRESSION_BARS * (BEATS_PER_BAR + 1);

  /**
   * Tokens the model predicts per generated progression: the 160 tokens and END, 161; also the number of session
   * steps per progression (START and the 159 first sampled tokens are fed; feeding END is not needed).
   */
  public static final int GENERATED_TOKENS_PER_PROGRESSION = PROGRESSION_TOKENS + 1;

  /** Sequences per scoring call: 64 progressions of 162 tokens, 10,304 scored tokens. */
  public static final int SCORED_SEQUENCES = 64;

  /** Seed of every synthetic token and every model's initial weights. */
  public static final long SEED = 20_240_601L;

  private BenchmarkShapes() {}
}
