package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.MusicXmlChoraleReader;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.token.ChoraleCorpus;
import io.github.rocklstm.token.ChoraleSplit;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.PreparedChorale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The four-voice Bach chorales made ready for a language model, as {@link ChordDataset} does for chord songs:
 * prepared by {@link ChoraleTokenizer#prepare} (C major / A minor, 16th-note frames), split 90/10 by
 * {@link ChoraleSplit}, tokenized with a vocabulary fitted on the training part only (a note the training part
 * never used becomes UNK in validation), as token sequences (START ... END). There is no test part: BachBot had
 * none either; its validation split is the one reported.
 *
 * @param corpus the prepared chorales, both parts, with the quantisation report
 * @param tokenizer the tokenizer, its vocabulary fitted on the training chorales
 * @param train training sequences, in the corpus's order
 * @param validation validation sequences (early stopping, the reported cross-entropy, harmonisation evaluation)
 */
public record ChoraleDataset(
    ChoraleCorpus corpus,
    ChoraleTokenizer tokenizer,
    ImmutableList<int[]> train,
    ImmutableList<int[]> validation) {

  /** The corpus folder under the data directory: the music21 Bach corpus. */
  public static final String CORPUS_FOLDER = "music21-bach-chorales";

  /** The name the dataset reports. */
  public static final String NAME = "bach-chorales";

  public ChoraleDataset {
    Preconditions.checkNotNull(corpus, "corpus");
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    Preconditions.checkArgument(!train.isEmpty(), "the training part of the chorales is empty");
    Preconditions.checkNotNull(validation, "validation");
  }

  /**
   * Reads the four-part chorales of the music21 Bach corpus ({@code bach/*.mxl} under
   * {@code DataDirectory.resolve("music21-bach-chorales")}: 364 chorales; scores with other part counts are
   * skipped) and prepares them ({@link #prepare}).
   *
   * @throws IOException when the folder cannot be listed or a file cannot be read
   */
  public static ChoraleDataset loadBachChorales() throws IOException {
    return prepare(readFourPartChorales(DataDirectory.resolve(CORPUS_FOLDER).resolve("bach")));
  }

  /**
   * The four-part chorales of the {@code .mxl} files directly in {@code folder}, in file-name order (the strict
   * reader: a broken file is an error naming it; a score without four parts is skipped).
   */
  public static ImmutableList<Chorale> readFourPartChorales(Path folder) throws IOException {
    Preconditions.checkArgument(Files.isDirectory(folder), "%s is not a folder of .mxl chorales", folder);
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".mxl")).sorted().collect(Collectors.toList());
    }
    Preconditions.checkArgument(!files.isEmpty(), "%s holds no .mxl file", folder);
    return MusicXmlChoraleReader.strict().readAll(files).chorales();
  }

  /** Prepares, splits ({@link ChoraleSplit}), fits the tokenizer on the training part and encodes both parts. */
  public static ChoraleDataset prepare(Collection<Chorale> chorales) {
    ChoraleCorpus corpus = ChoraleCorpus.prepare(chorales);
    ChoraleTokenizer tokenizer = corpus.fitTokenizer();
    return new ChoraleDataset(corpus, tokenizer, ImmutableList.copyOf(corpus.encode(tokenizer, ChoraleSplit.TRAIN)),
        ImmutableList.copyOf(corpus.encode(tokenizer, ChoraleSplit.VALIDATION)));
  }

  /** The prepared validation chorales, in the order of {@link #validation()}. */
  public ImmutableList<PreparedChorale> validationChorales() {
    return corpus.validation();
  }

  /** Target tokens (every token after START) in the training part. */
  public long trainTokens() {
    return train.stream().mapToLong(s -> s.length - 1).sum();
  }

  /** Target tokens (every token after START) in the validation part. */
  public long validationTokens() {
    return validation.stream().mapToLong(s -> s.length - 1).sum();
  }
}
