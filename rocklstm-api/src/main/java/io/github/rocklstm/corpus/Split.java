package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The three parts of a corpus: training, validation (early stopping, model selection) and test.
 *
 * <p>A song's part depends on its {@linkplain Song#workId() work id} alone: the SHA-256 of {@link #SALT} followed
 * by the id (UTF-8), its first 8 bytes read as an unsigned big-endian number, modulo 100, gives a bucket 0..99;
 * buckets 0-79 are {@link #TRAIN}, 80-89 {@link #VALID}, 90-99 {@link #TEST}. So the split is 80/10/10 in
 * expectation, the same on every machine and Java version, independent of file order and of which other songs
 * are read, and all versions of one work (RS200's two analyses, the 12 transpositions of
 * {@link Transposition#allKeys}) land in one part.
 *
 * <p>With a few hundred songs a hash split can stray from 80/10/10 by chance (unsalted, RWC/uspop's validation
 * part would hold 6.8% of its 295 songs). The salt was picked as the first of {@code rocklstm-split-0:},
 * {@code rocklstm-split-1:}, ... that puts every part of the four chord corpora (by work: McGill 739, RS200 200,
 * RWC/uspop 295, jazz 2,614) within 2.5 points of 80/10/10. Changing it reshuffles every split.
 */
public enum Split {
  TRAIN,
  VALID,
  TEST;

  /** Prefixed to the work id before hashing (see the class comment). */
  public static final String SALT = "rocklstm-split-21:";

  /** Buckets (of 100) that go to training. */
  public static final int TRAIN_PERCENT = 80;

  /** Buckets (of 100) that go to validation; the rest go to test. */
  public static final int VALID_PERCENT = 10;

  /** The part of the work with this id. */
  public static Split of(String workId) {
    int bucket = bucket(workId);
    if (bucket < TRAIN_PERCENT) {
      return TRAIN;
    }
    return bucket < TRAIN_PERCENT + VALID_PERCENT ? VALID : TEST;
  }

  /** The bucket 0..99 of a work id (see the class comment). */
  public static int bucket(String workId) {
    Preconditions.checkNotNull(workId, "workId");
    long hash = Hashing.sha256().hashString(SALT + workId, StandardCharsets.UTF_8).asLong();
    // asLong() reads the first 8 bytes little-endian; reverse to read them as written (big-endian).
    return (int) Long.remainderUnsigned(Long.reverseBytes(hash), 100);
  }
}
