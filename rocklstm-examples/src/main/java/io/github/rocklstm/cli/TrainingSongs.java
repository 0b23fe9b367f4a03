package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.train.ChordDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training songs of a chord model, read again from the corpora: the corpus names and key handling come from the
 * model's metadata ({@code corpus}, e.g. {@code billboard} or {@code billboard+rs200}, and {@code keyHandling}, as
 * {@code rocklstm train} writes them), the songs from the data directory ({@link DataDirectory}: {@code
 * ROCKLSTM_DATA}) read as training reads them ({@link TrainCommand#loadCorpora(List, Path)}) and split by song
 * ({@code Corpus.train()}), then keyed as training keyed them ({@link ChordDataset.KeyHandling#training}). A model
 * trained with {@code --max-train-tokens} saw a subset of these songs; this is the whole training split.
 */
final class TrainingSongs {

  private TrainingSongs() {}

  /**
   * The training progressions of the model whose metadata is {@code metadata}, from the data directory, keyed as in
   * training.
   *
   * @param source the model, for messages
   * @param option the option that needs them, for messages
   * @throws IllegalArgumentException when the metadata names no corpus or key handling, or the corpora are not found
   */
  static ImmutableList<ChordProgression> of(Map<String, Object> metadata, String source, String option) {
    return of(metadata, source, dataRoot(source, option), option);
  }

  /** As {@link #of(Map, String, String)}, reading the corpora under {@code dataRoot}. */
  static ImmutableList<ChordProgression> of(Map<String, Object> metadata, String source, Path dataRoot,
      String option) {
    String corpusNames = corpusNames(metadata, source, option);
    Preconditions.checkArgument(metadata.get("keyHandling") instanceof String,
        "%s needs the key handling of the model's training songs, but %s's metadata has no keyHandling", option,
        source);
    String keyText = (String) metadata.get("keyHandling");
    ChordDataset.KeyHandling keyHandling;
    try {
      keyHandling = ChordDataset.KeyHandling.valueOf(keyText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": metadata keyHandling '" + keyText + "' is not NORMALIZE or"
          + " ALL_KEYS", e);
    }
    Corpus keyed = keyHandling.training(load(corpusNames, source, dataRoot, option).train());
    return keyed.songs().stream().map(Song::progression).collect(ImmutableList.toImmutableList());
  }

  /**
   * The whole corpus (all splits, in the songs' own keys) that the model's metadata names as its training corpus
   * ({@code corpus}: one name, or several joined by {@code +}), read as {@code rocklstm train} reads it.
   *
   * @throws IllegalArgumentException when the metadata names no corpus or it cannot be read, saying which and why
   */
  static Corpus corpus(Map<String, Object> metadata, String source, String option) {
    return load(corpusNames(metadata, source, option), source, dataRoot(source, option), option);
  }

  private static String corpusNames(Map<String, Object> metadata, String source, String option) {
    Preconditions.checkArgument(metadata.get("corpus") instanceof String name && !name.isBlank(),
        "%s needs the training songs of the model, but %s's metadata names no corpus (a model written by"
            + " `rocklstm train --task chords` does)", option, source);
    return (String) metadata.get("corpus");
  }

  private static Corpus load(String corpusNames, String source, Path dataRoot, String option) {
    try {
      return TrainCommand.loadCorpora(List.of(corpusNames.split("\\+")), dataRoot);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(option + " needs the training songs of " + source + ", which was trained"
          + " on " + corpusNames + ": " + e.getMessage(), e);
    }
  }

  private static Path dataRoot(String source, String option) {
    try {
      return DataDirectory.locate();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(option + " needs the training songs of " + source + ": " + e.getMessage(),
          e);
    }
  }
}
