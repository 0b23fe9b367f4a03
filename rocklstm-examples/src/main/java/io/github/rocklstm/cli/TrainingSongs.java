package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.CorpusFormat;
import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.corpus.Transposition;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.train.ChordDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training songs of a chord model, read again from the corpora: the corpus names and key handling come from the
 * model's metadata ({@code corpus}, e.g. {@code billboard} or {@code billboard+rs200}, and {@code keyHandling}, as
 * {@code rocklstm train} writes them), the songs from the data directory ({@link DataDirectory}: {@code
 * ROCKLSTM_DATA}) read as training reads them ({@link TrainCommand#loadCorpora(List, Path)}) and split by song
 * ({@code Corpus.train()}), then key-normalised or put in all 12 keys as {@link ChordDataset#prepare} does. A model
 * trained with {@code --max-train-tokens} saw a subset of these songs; this is the whole training split.
 */
final class TrainingSongs {

  private TrainingSongs() {}

  /**
   * The training progressions of the model whose metadata is {@code metadata}, from the data directory.
   *
   * @param source the model, for messages
   * @param option the option that needs them, for messages
   * @throws IllegalArgumentException when the metadata names no corpus or key handling, or the corpora are not found
   */
  static ImmutableList<ChordProgression> of(Map<String, Object> metadata, String source, String option) {
    Path root;
    try {
      root = DataDirectory.locate();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(option + " needs the training songs of " + source + ": " + e.getMessage(),
          e);
    }
    return of(metadata, source, root, option);
  }

  /** As {@link #of(Map, String, String)}, reading the corpora under {@code dataRoot}. */
  static ImmutableList<ChordProgression> of(Map<String, Object> metadata, String source, Path dataRoot,
      String option) {
    Preconditions.checkArgument(metadata.get("corpus") instanceof String,
        "%s needs the training songs of the model, but %s's metadata names no corpus (a model written by"
            + " `rocklstm train --task chords` does)", option, source);
    Preconditions.checkArgument(metadata.get("keyHandling") instanceof String,
        "%s needs the key handling of the model's training songs, but %s's metadata has no keyHandling", option,
        source);
    String corpusNames = (String) metadata.get("corpus");
    String keyText = (String) metadata.get("keyHandling");
    ChordDataset.KeyHandling keyHandling;
    try {
      keyHandling = ChordDataset.KeyHandling.valueOf(keyText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": metadata keyHandling '" + keyText + "' is not NORMALIZE or"
          + " ALL_KEYS", e);
    }
    List<String> names = List.of(corpusNames.split("\\+"));
    for (String name : names) {
      CorpusFormat format = CorpusFormat.parse(name);
      Path folder = dataRoot.resolve(format.standardFolder());
      Preconditions.checkArgument(Files.isDirectory(folder),
          "%s needs the training songs of %s, which was trained on %s, but the data directory %s holds no %s/ (set"
              + " %s to the folder holding the corpora)", option, source, corpusNames, dataRoot,
          format.standardFolder(), DataDirectory.ENVIRONMENT_VARIABLE);
    }
    ImmutableList.Builder<ChordProgression> progressions = ImmutableList.builder();
    for (Song song : TrainCommand.loadCorpora(names, dataRoot).train().songs()) {
      if (keyHandling == ChordDataset.KeyHandling.ALL_KEYS) {
        Transposition.allKeys(song).forEach(s -> progressions.add(s.progression()));
      } else {
        progressions.add(Transposition.normalize(song).progression());
      }
    }
    return progressions.build();
  }
}
