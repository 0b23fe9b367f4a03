package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The three parts of a corpus: training, validation (early stopping, model selection) and test.
 *
 * <p>A song's part depends on its {@linkplain Song#workId() work id} alone: the first 8 bytes of the SHA-256 of the
 * id's UTF-8 bytes, read as an unsigned big-endian number, modulo 100, give a bucket 0..99; buckets 0-79 are
 * {@link #TRAIN}, 80-89 {@link #VALID}, 90-99 {@link #TEST}. So the split is 80/10/10 in expectation, the same on
 * every machine and Java version, independent of file order and of which other songs are read, and all versions
 * of one work (RS200's two analyses, the 12 transpositions of {@link Transposition#allKeys}) land in one part.
 */
public enum Split {
  TRAIN,
  VALID,
  TEST;

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
    long hash = Hashing.sha256().hashString(workId, StandardCharsets.UTF_8).asLong();
    // asLong() reads the first 8 bytes little-endian; reverse to read them as written (big-endian).
    return (int) Long.remainderUnsigned(Long.reverseBytes(hash), 100);
  }
}
