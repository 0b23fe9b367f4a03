package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads four-part chorales from MusicXML: compressed {@code .mxl} archives (a ZIP whose
 * {@code META-INF/container.xml} names the score) and uncompressed {@code .xml} / {@code .musicxml} files, as
 * in the music21 Bach corpus. Which one a file is, is decided by its first bytes, not its name.
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li><b>Parts</b>: a score with exactly four parts is a chorale; the parts are soprano, alto, tenor and bass
 *       in score order (their names are not consulted). Other part counts are skipped and listed in
 *       {@link Result#notFourPart()}, or treated as errors with {@link OtherPartCounts#REJECT}.
 *   <li><b>Notes</b>: pitch from step, alter and octave (MIDI = 12 &middot; (octave + 1) + step + alter);
 *       onset and duration in exact {@link io.github.rocklstm.music.Note} ticks from {@code <divisions>},
 *       {@code <duration>}, {@code <backup>} and {@code <forward>}; a duration that is not a whole number of
 *       ticks is an error, never rounded.
 *   <li><b>Rests</b> (and cue notes) advance time and become gaps in the voice; a {@code <forward>} likewise.
 *   <li><b>Ties</b> from {@code <tie type="start|stop"/>} (or {@code <notations><tied>} when a note has no
 *       {@code <tie>}). Ties are made consistent: a tie needs two adjacent notes of the same pitch in the voice;
 *       a flag on one side of such a pair completes it, a flag with no partner is dropped; each repair is a
 *       {@linkplain Result#warnings() warning}.
 *   <li><b>Fermatas</b> from {@code <notations><fermata/>} on notes (a fermata on a rest or a bar line is not
 *       kept).
 *   <li><b>Key</b> from the soprano part's first {@code <key>}: {@code <fifths>} plus {@code <mode>}; major
 *       when the mode is missing, {@code ionian}/{@code aeolian} as major/minor, other modes as major with a
 *       warning. The soprano decides because music21's export often gives the true mode only to the first
 *       part: in 102 of the corpus's minor chorales the lower parts say major. Later key changes are warnings.
 *   <li><b>Time signature</b> from the soprano part's first {@code <time>}; later changes are warnings, and the
 *       bar lines are kept as written in {@link Chorale#measureStarts()}. A measure lasts as long as the longest
 *       part in it runs (notes, rests and forwards).
 *   <li><b>Pickup</b>: the length of the first measure when it is shorter than a full bar of the opening time
 *       signature (whether or not it is marked {@code implicit="yes"}).
 *   <li><b>Repeats are ignored</b>, not unrolled: the notes are read once, in written order, as BachBot did.
 *   <li><b>Grace notes</b> are skipped and counted in {@link Counts#graceNotes()}.
 *   <li><b>Chords inside a part</b> ({@code <chord/>}) and notes of a second {@code <voice>} in a part are
 *       errors in strict mode (a chorale voice is monophonic); in lenient mode they are dropped (the first note
 *       of a chord is kept) and reported. The 364 four-part chorales of the music21 corpus have none.
 *   <li>The chorale's id is the file name without {@code .mxl}, {@code .xml} or {@code .musicxml}; the title is
 *       the movement title, else the work title, else the id.
 * </ul>
 *
 * <h2>Safety</h2>
 * The XML parser is the JDK's StAX parser with DTD processing and external entities off: the DOCTYPE's DTD on
 * musicxml.org is never fetched, and no entity is expanded. A ZIP may hold at most {@code maxEntries} entries;
 * an entry is refused when its header claims more than {@code maxEntryBytes}, and reading stops with an error
 * as soon as more than {@code maxEntryBytes} have actually been inflated, whatever the header says (zip bombs).
 * The same byte limit applies to an uncompressed file.
 *
 * <h2>Errors</h2>
 * Problems in a file are {@link CorpusFormatException}s naming the file, the ZIP entry, the line and the
 * offending text. In {@link ReadMode#STRICT} mode the first one is thrown. In {@link ReadMode#LENIENT} mode a
 * file that cannot be read is skipped, a measure with a bad note is left out of its part (the part rests
 * there), and each is listed in {@link Result#problems()}. Instances are immutable and thread-safe.
 */
public final class MusicXmlChoraleReader {

  private static final System.Logger LOG = System.getLogger(MusicXmlChoraleReader.class.getName());

  /** The default limit on the bytes of one ZIP entry or uncompressed file: 16 MiB. */
  public static final long DEFAULT_MAX_ENTRY_BYTES = 16L << 20;

  /** The default limit on the number of entries in an {@code .mxl} archive. */
  public static final int DEFAULT_MAX_ENTRIES = 64;

  /** What to do with a score that does not have exactly four parts. */
  public enum OtherPartCounts {
    /** Skip it and list it in {@link Result#notFourPart()}; it is not an error in either mode. */
    SKIP,
    /** Treat it like any other bad file: an error in strict mode, a {@link Result#problems() problem} otherwise. */
    REJECT
  }

  /**
   * What was counted while reading the chorales that were read (files skipped or not four-part do not count).
   * Every {@code <note>} element is one of: a note kept in a voice, a rest, a grace note, a chord note or a
   * note of another voice (dropped, lenient mode only), or a cue note; so for a read without skipped measures
   * {@code noteElements == notes + rests + graceNotes + chordNotes + otherVoiceNotes + cueNotes}.
   *
   * @param files chorales read
   * @param noteElements {@code <note>} elements parsed
   * @param notes notes kept in the chorales' voices
   * @param rests rests
   * @param graceNotes grace notes skipped
   * @param chordNotes notes dropped because they formed a chord with the previous note of their part
   * @param otherVoiceNotes notes dropped because they belonged to a second voice of their part
   * @param cueNotes cue notes, read as rests
   */
  public record Counts(int files, int noteElements, int notes, int rests, int graceNotes, int chordNotes,
      int otherVoiceNotes, int cueNotes) {

    /** Nothing counted. */
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of both counts. */
    public Counts plus(Counts o) {
      return new Counts(files + o.files, noteElements + o.noteElements, notes + o.notes, rests + o.rests,
          graceNotes + o.graceNotes, chordNotes + o.chordNotes, otherVoiceNotes + o.otherVoiceNotes,
          cueNotes + o.cueNotes);
    }
  }

  /**
   * What {@link #readAll} produced.
   *
   * @param chorales the chorales read, in file-name order
   * @param problems what a lenient read skipped (files, measures, dropped notes); empty in strict mode
   * @param notFourPart the files skipped because they do not have four parts (policy {@link OtherPartCounts#SKIP})
   * @param warnings what was read but adjusted or ignored: ties repaired, key or meter changes, missing key
   * @param counts what was counted in the chorales read
   */
  public record Result(ImmutableList<Chorale> chorales, ImmutableList<ReadProblem> problems,
      ImmutableList<ReadProblem> notFourPart, ImmutableList<ReadProblem> warnings, Counts counts) {

    public Result {
      Preconditions.checkNotNull(chorales, "chorales");
      Preconditions.checkNotNull(problems, "problems");
      Preconditions.checkNotNull(notFourPart, "notFourPart");
      Preconditions.checkNotNull(warnings, "warnings");
      Preconditions.checkNotNull(counts, "counts");
    }

    /** The chorales and the problems, in the form every corpus reader returns. */
    public ReadResult<Chorale> asReadResult() {
      return new ReadResult<>(chorales, problems);
    }
  }

  private final ReadMode mode;
  private final OtherPartCounts otherPartCounts;
  private final long maxEntryBytes;
  private final int maxEntries;
  private final XmlFactory xml = new XmlFactory();

  private MusicXmlChoraleReader(Builder b) {
    this.mode = b.mode;
    this.otherPartCounts = b.otherPartCounts;
    this.maxEntryBytes = b.maxEntryBytes;
    this.maxEntries = b.maxEntries;
  }

  /** A strict reader with the default limits that skips scores without four parts. */
  public static MusicXmlChoraleReader strict() {
    return builder().build();
  }

  /** A lenient reader with the default limits that skips scores without four parts. */
  public static MusicXmlChoraleReader lenient() {
    return builder().mode(ReadMode.LENIENT).build();
  }

  /** A builder starting from strict mode, {@link OtherPartCounts#SKIP} and the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings for a {@link MusicXmlChoraleReader}. */
  public static final class Builder {
    private ReadMode mode = ReadMode.STRICT;
    private OtherPartCounts otherPartCounts = OtherPartCounts.SKIP;
    private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
    private int maxEntries = DEFAULT_MAX_ENTRIES;

    private Builder() {}

    /** Strict (the first problem throws) or lenient (problems are skipped and reported). */
    public Builder mode(ReadMode value) {
      this.mode = Preconditions.checkNotNull(value, "mode");
      return this;
    }

    /** What to do with scores that do not have exactly four parts. */
    public Builder otherPartCounts(OtherPartCounts value) {
      this.otherPartCounts = Preconditions.checkNotNull(value, "otherPartCounts");
      return this;
    }

    /** The most bytes one ZIP entry (or an uncompressed file) may hold; default 16 MiB. */
    public Builder maxEntryBytes(long value) {
      Preconditions.checkArgument(value > 0, "maxEntryBytes must be > 0, was %s", value);
      this.maxEntryBytes = value;
      return this;
    }

    /** The most entries an {@code .mxl} archive may have; default {@value #DEFAULT_MAX_ENTRIES}. */
    public Builder maxEntries(int value) {
      Preconditions.checkArgument(value > 0, "maxEntries must be > 0, was %s", value);
      this.maxEntries = value;
      return this;
    }

    public MusicXmlChoraleReader build() {
      return new MusicXmlChoraleReader(this);
    }
  }

  /** The read mode. */
  public ReadMode mode() {
    return mode;
  }

  /**
   * Reads the chorale in one file. A score without four parts is an error here whatever the
   * {@link OtherPartCounts} policy. In lenient mode, skipped measures and dropped notes are logged as warnings,
   * as are repairs in either mode; use {@link #readAll(Collection)} to get them as values.
   *
   * @throws CorpusFormatException naming file, entry, line and what is wrong, when the file is not a readable
   *     four-part chorale
   * @throws IOException when the file cannot be read
   */
  public Chorale read(Path file) throws IOException {
    Preconditions.checkNotNull(file, "file");
    List<ReadProblem> problems = new ArrayList<>();
    List<ReadProblem> warnings = new ArrayList<>();
    MusicXmlScoreParser.Outcome outcome = parse(file, problems, warnings);
    for (ReadProblem p : problems) {
      LOG.log(System.Logger.Level.WARNING, "skipped: {0}", p);
    }
    for (ReadProblem w : warnings) {
      LOG.log(System.Logger.Level.INFO, "{0}", w);
    }
    if (outcome.chorale() == null) {
      throw notFourPart(file, outcome.partCount());
    }
    return outcome.chorale();
  }

  /**
   * Reads every {@code .mxl}, {@code .xml} and {@code .musicxml} file in {@code directory} and its subfolders
   * (so the corpus root {@code music21-bach-chorales/} works as well as its {@code bach/} folder), in path order.
   *
   * @throws CorpusFormatException in strict mode, for the first file that is not a readable chorale
   * @throws IOException when the directory cannot be listed, or (strict mode) a file cannot be read
   */
  public Result readAll(Path directory) throws IOException {
    Preconditions.checkNotNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IOException(directory + " is not a directory (expected a folder of .mxl/.xml/.musicxml files)");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.walk(directory)) {
      files = listing.filter(p -> Files.isRegularFile(p) && isMusicXmlName(p))
          .sorted()
          .collect(Collectors.toList());
    }
    return readAll(files);
  }

  /**
   * Reads the given files, in the given order.
   *
   * @throws CorpusFormatException in strict mode, for the first file that is not a readable chorale
   * @throws IOException in strict mode, when a file cannot be read
   */
  public Result readAll(Collection<Path> files) throws IOException {
    Preconditions.checkNotNull(files, "files");
    ImmutableList.Builder<Chorale> chorales = ImmutableList.builder();
    List<ReadProblem> problems = new ArrayList<>();
    List<ReadProblem> notFourPart = new ArrayList<>();
    List<ReadProblem> warnings = new ArrayList<>();
    Counts counts = Counts.ZERO;
    for (Path file : files) {
      List<ReadProblem> fileProblems = new ArrayList<>();
      List<ReadProblem> fileWarnings = new ArrayList<>();
      try {
        MusicXmlScoreParser.Outcome outcome = parse(file, fileProblems, fileWarnings);
        if (outcome.chorale() == null) {
          CorpusFormatException e = notFourPart(file, outcome.partCount());
          if (otherPartCounts == OtherPartCounts.REJECT) {
            throw e;
          }
          notFourPart.add(ReadProblem.of(e));
          continue;
        }
        chorales.add(outcome.chorale());
        counts = counts.plus(outcome.counts());
        problems.addAll(fileProblems);
        warnings.addAll(fileWarnings);
      } catch (CorpusFormatException e) {
        if (mode == ReadMode.STRICT) {
          throw e;
        }
        problems.add(new ReadProblem(e.position(), e.problem() + "; file skipped"));
      } catch (IOException e) {
        if (mode == ReadMode.STRICT) {
          throw e;
        }
        problems.add(new ReadProblem(SourcePosition.wholeFile(file), "cannot be read: " + e + "; file skipped"));
      }
    }
    return new Result(chorales.build(), ImmutableList.copyOf(problems), ImmutableList.copyOf(notFourPart),
        ImmutableList.copyOf(warnings), counts);
  }

  private MusicXmlScoreParser.Outcome parse(Path file, List<ReadProblem> problems, List<ReadProblem> warnings)
      throws IOException {
    try (MusicXmlSource source = MusicXmlSource.open(file, maxEntryBytes, maxEntries, xml)) {
      MusicXmlScoreParser parser =
          new MusicXmlScoreParser(file, source.entry(), mode == ReadMode.LENIENT, problems, warnings);
      XMLStreamReader reader = null;
      try {
        reader = xml.reader(source.stream(), file, source.entry());
        return parser.parse(reader, idOf(file));
      } catch (XMLStreamException e) {
        throw limitOr(source, XmlFactory.malformed(file, source.entry(), e));
      } catch (CorpusFormatException e) {
        throw limitOr(source, e);
      } finally {
        if (reader != null) {
          try {
            reader.close();
          } catch (XMLStreamException ignored) {
            // closing a StAX reader does not close the stream; nothing to release
          }
        }
      }
    }
  }

  /** The byte-limit failure when reading stopped at the limit (the parser wraps it), else {@code e}. */
  private static CorpusFormatException limitOr(MusicXmlSource source, CorpusFormatException e) {
    CorpusFormatException exceeded = source.stream().exceeded();
    return exceeded != null ? exceeded : e;
  }

  private static CorpusFormatException notFourPart(Path file, int partCount) {
    return new CorpusFormatException(SourcePosition.wholeFile(file), "not a four-voice chorale: the score has "
        + partCount + " part" + (partCount == 1 ? "" : "s") + " (expected exactly four: soprano, alto, tenor, bass)");
  }

  /** The id of the chorale in {@code file}: its name without {@code .mxl}, {@code .xml} or {@code .musicxml}. */
  public static String idOf(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String extension : new String[] {".mxl", ".musicxml", ".xml"}) {
      if (lower.endsWith(extension) && name.length() > extension.length()) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  private static boolean isMusicXmlName(Path file) {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return lower.endsWith(".mxl") || lower.endsWith(".xml") || lower.endsWith(".musicxml");
  }
}
