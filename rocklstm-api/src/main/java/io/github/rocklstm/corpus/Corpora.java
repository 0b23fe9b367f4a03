package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import java.nio.file.Path;

/**
 * The entry point for reading a chord corpus by format, as the command line's {@code corpus stats --format ...}
 * does.
 */
public final class Corpora {

  private static final System.Logger LOG = System.getLogger(Corpora.class.getName());

  private Corpora() {}

  /** Reads a folder of the format (see {@link CorpusReader#read}). */
  public static ReadResult<Song> read(CorpusFormat format, Path folder, ReadMode mode) {
    Preconditions.checkNotNull(format, "format");
    return format.reader().read(folder, mode);
  }

  /** The standard folder of the format under the corpora folder ({@link DataDirectory}). */
  public static Path standardFolder(CorpusFormat format) {
    Preconditions.checkNotNull(format, "format");
    return DataDirectory.resolve(format.standardFolder());
  }

  /**
   * The corpus of the format from its standard folder, named {@link CorpusFormat#corpusName()}. In lenient mode
   * the number of problems skipped is logged (level WARNING) with the first one.
   */
  public static Corpus load(CorpusFormat format, ReadMode mode) {
    return load(format, standardFolder(format), mode);
  }

  /** As {@link #load(CorpusFormat, ReadMode)}, reading the corpus from {@code folder}. */
  public static Corpus load(CorpusFormat format, Path folder, ReadMode mode) {
    ReadResult<Song> result = read(format, folder, mode);
    if (!result.clean()) {
      LOG.log(System.Logger.Level.WARNING, "{0}: {1} problems skipped, the first: {2}", format.corpusName(),
          result.problems().size(), result.problems().get(0));
    }
    return Corpus.of(format.corpusName(), result.items());
  }
}
