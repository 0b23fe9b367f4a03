package io.github.rocklstm.corpus;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The score document inside a MusicXML file: the file itself when it is uncompressed, or the root file named
 * by {@code META-INF/container.xml} when it is a compressed {@code .mxl} archive. Every byte handed out is
 * counted while it is read (inflated), so an entry that inflates beyond the limit is stopped there whatever its
 * ZIP header claims.
 */
final class MusicXmlSource implements Closeable {

  static final String CONTAINER = "META-INF/container.xml";

  private final Path file;
  private final String entry;
  private final ZipFile zip;
  private final LimitedInputStream stream;

  private MusicXmlSource(Path file, String entry, ZipFile zip, LimitedInputStream stream) {
    this.file = file;
    this.entry = entry;
    this.zip = zip;
    this.stream = stream;
  }

  /**
   * Opens the score of {@code file}, compressed or not (decided by the file's first bytes, not its name).
   *
   * @throws CorpusFormatException when the file is empty, not a readable ZIP archive, has too many entries,
   *     no score entry, or an entry whose header already says it is over the limit
   * @throws IOException when the file cannot be read at all
   */
  static MusicXmlSource open(Path file, long maxEntryBytes, int maxEntries, XmlFactory xml) throws IOException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    if (n == 0) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file),
          "the file is empty (expected a MusicXML score, or a compressed .mxl archive holding one)");
    }
    // "PK\3\4" starts a ZIP's first entry, "PK\5\6" an empty archive.
    boolean zipped =
        n == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && head[2] + 1 == head[3];
    if (!zipped) {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      return new MusicXmlSource(file, null, null, new LimitedInputStream(in, maxEntryBytes, file, null, -1));
    }
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file),
          "not a readable ZIP archive (" + e.getMessage() + "); a compressed MusicXML (.mxl) file must be a complete"
              + " ZIP archive: truncated or damaged?", e);
    }
    try {
      if (zip.size() > maxEntries) {
        throw new CorpusFormatException(SourcePosition.wholeFile(file), "the archive has " + zip.size()
            + " entries, more than the limit of " + maxEntries + " (an .mxl holds a score, a container.xml and"
            + " perhaps a few images)");
      }
      String rootFile = rootFile(file, zip, maxEntryBytes, xml);
      ZipEntry scoreEntry = zip.getEntry(rootFile);
      if (scoreEntry == null || scoreEntry.isDirectory()) {
        throw new CorpusFormatException(SourcePosition.wholeFile(file), CONTAINER + " names '" + rootFile
            + "' as the score, but the archive has no such file (entries: " + entryNames(zip) + ")");
      }
      LimitedInputStream in = openEntry(file, zip, scoreEntry, maxEntryBytes);
      return new MusicXmlSource(file, rootFile, zip, in);
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  private static LimitedInputStream openEntry(Path file, ZipFile zip, ZipEntry entry, long maxEntryBytes)
      throws IOException {
    long claimed = entry.getSize();
    if (claimed > maxEntryBytes) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file), "entry '" + entry.getName()
          + "' would inflate to " + claimed + " bytes, more than the limit of " + maxEntryBytes + " bytes per entry"
          + " (a zip bomb, or a score far larger than any chorale; raise maxEntryBytes if it is genuine)");
    }
    InputStream raw;
    try {
      raw = zip.getInputStream(entry);
    } catch (ZipException e) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file),
          "entry '" + entry.getName() + "' cannot be read: " + e.getMessage(), e);
    }
    return new LimitedInputStream(new BufferedInputStream(raw, 1 << 16), maxEntryBytes, file, entry.getName(),
        claimed);
  }

  /** The score's path inside the archive, from META-INF/container.xml, or the only score-like entry without one. */
  private static String rootFile(Path file, ZipFile zip, long maxEntryBytes, XmlFactory xml) throws IOException {
    ZipEntry container = zip.getEntry(CONTAINER);
    if (container == null) {
      List<String> candidates = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        String name = z.getName().toLowerCase(Locale.ROOT);
        boolean scoreLike = name.endsWith(".xml") || name.endsWith(".musicxml");
        if (!z.isDirectory() && !name.startsWith("meta-inf/") && scoreLike) {
          candidates.add(z.getName());
        }
      }
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
      throw new CorpusFormatException(SourcePosition.wholeFile(file), "the archive has no " + CONTAINER
          + " and " + candidates.size() + " candidate score entries " + candidates
          + " (an .mxl file names its score in " + CONTAINER + ")");
    }
    try (LimitedInputStream in = openEntry(file, zip, container, maxEntryBytes)) {
      XMLStreamReader r = xml.reader(in, file, CONTAINER);
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("rootfile")) {
            String path = r.getAttributeValue(null, "full-path");
            if (path == null || path.isBlank()) {
              throw new CorpusFormatException(new SourcePosition(file, r.getLocation().getLineNumber(), "<rootfile>"),
                  "entry '" + CONTAINER + "': <rootfile> has no full-path attribute (it names the score entry)");
            }
            return path;
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw XmlFactory.malformed(file, CONTAINER, e);
    }
    throw new CorpusFormatException(SourcePosition.wholeFile(file),
        "entry '" + CONTAINER + "' has no <rootfile full-path=\"...\"/> naming the score");
  }

  private static String entryNames(ZipFile zip) {
    List<String> names = new ArrayList<>();
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements() && names.size() < 20; ) {
      names.add(e.nextElement().getName());
    }
    return names.toString();
  }

  /** The score's bytes, counted against the limit. */
  LimitedInputStream stream() {
    return stream;
  }

  /** The score's entry name inside the archive, or null when the file is the score itself. */
  String entry() {
    return entry;
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } finally {
      if (zip != null) {
        zip.close();
      }
    }
  }

  /**
   * Counts the bytes read through it and fails once more than {@code limit} have come out. The failure is
   * remembered, because an XML parser may wrap the {@link IOException} in its own exception.
   */
  static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final Path file;
    private final String entry;
    private final long claimed;
    private long count;
    private CorpusFormatException exceeded;

    LimitedInputStream(InputStream in, long limit, Path file, String entry, long claimed) {
      super(in);
      this.limit = limit;
      this.file = file;
      this.entry = entry;
      this.claimed = claimed;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) {
        count(skipped);
      }
      return skipped;
    }

    private void count(long n) throws IOException {
      count += n;
      if (count > limit) {
        String what = entry == null ? "the file" : "entry '" + entry + "'";
        String header = claimed >= 0 ? " (its ZIP header claims " + claimed + " bytes)" : "";
        exceeded = new CorpusFormatException(SourcePosition.wholeFile(file), what + " holds more than " + limit
            + " bytes" + header + ", the limit per score; reading stopped there (a zip bomb, or a score far larger"
            + " than any chorale; raise maxEntryBytes if it is genuine)");
        throw new IOException(exceeded.getMessage());
      }
    }

    /** The limit failure, if reading ran past the limit, else null. */
    CorpusFormatException exceeded() {
      return exceeded;
    }

    /** Bytes handed out so far. */
    long count() {
      return count;
    }
  }
}
