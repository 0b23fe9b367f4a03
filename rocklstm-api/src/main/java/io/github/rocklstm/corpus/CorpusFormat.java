package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The corpus formats rocklstm reads, with the standard folder of each under the corpora folder
 * ({@link DataDirectory}) and the reader of the chord formats. The command line's {@code --format} takes
 * {@link #parse these names}.
 */
public enum CorpusFormat {
  /** McGill Billboard {@code salami_chords.txt}, folder {@code mcgill-billboard}. */
  BILLBOARD("billboard", "mcgill-billboard"),
  /** RS200 expanded roman-numeral analyses, folder {@code rs200-rock-corpus}. */
  RS200("rs200", "rs200-rock-corpus"),
  /** Harte {@code .lab} files (RWC-Pop and uspop2002), folder {@code marl-rwc-uspop-chords}. */
  HARTE("rwc-uspop", "marl-rwc-uspop-chords"),
  /** Jazz lead-sheet charts, folder {@code jazz-chord-progressions}. */
  JAZZ("jazz", "jazz-chord-progressions"),
  /**
   * MusicXML chorales, folder {@code music21-bach-chorales}: four-voice scores, not chord songs, read by the
   * chorale reader ({@code MusicXmlChoraleReader}), so {@link #reader()} refuses it.
   */
  MUSICXML("bach-chorales", "music21-bach-chorales");

  private final String corpusName;
  private final String standardFolder;

  CorpusFormat(String corpusName, String standardFolder) {
    this.corpusName = corpusName;
    this.standardFolder = standardFolder;
  }

  /** The name of the corpus read from the standard folder ({@code billboard}, {@code rs200}, ...). */
  public String corpusName() {
    return corpusName;
  }

  /** The corpus's folder under the corpora folder, for {@link DataDirectory#resolve}. */
  public String standardFolder() {
    return standardFolder;
  }

  /** Whether this format holds chord songs that {@link #reader()} reads. */
  public boolean isChordCorpus() {
    return this != MUSICXML;
  }

  /**
   * A new reader of this format with the default {@link KeyFinder}.
   *
   * @throws UnsupportedOperationException for {@link #MUSICXML}, which holds chorales, not chord songs
   */
  public CorpusReader reader() {
    switch (this) {
      case BILLBOARD:
        return new BillboardReader();
      case RS200:
        return new Rs200Reader();
      case HARTE:
        return new HarteLabReader();
      case JAZZ:
        return new JazzChartReader();
      default:
        throw new UnsupportedOperationException(this + " holds four-voice chorales, not chord songs: read it with "
            + "the chorale reader (MusicXmlChoraleReader); chord formats are " + chordFormats());
    }
  }

  /**
   * The format named {@code text}, case-insensitive: the constant's name ({@code billboard}, {@code rs200},
   * {@code harte}, {@code jazz}, {@code musicxml}), its corpus name ({@code rwc-uspop}, {@code bach-chorales}) or its
   * standard folder ({@code mcgill-billboard}, ...).
   *
   * @throws IllegalArgumentException naming the text and the valid names
   */
  public static CorpusFormat parse(String text) {
    Preconditions.checkNotNull(text, "text");
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (CorpusFormat format : values()) {
      if (t.equals(format.name().toLowerCase(Locale.ROOT)) || t.equals(format.corpusName)
          || t.equals(format.standardFolder)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown corpus format '" + text + "' (expected one of "
        + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
        + ")");
  }

  private static String chordFormats() {
    return Arrays.stream(values()).filter(CorpusFormat::isChordCorpus)
        .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
