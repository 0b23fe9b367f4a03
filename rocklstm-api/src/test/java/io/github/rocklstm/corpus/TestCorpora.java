package io.github.rocklstm.corpus;

/**
 * The real corpora, each read once per test JVM and shared by the test classes of every package (reading all four
 * takes a few seconds). Billboard, RS200 and the .lab files read cleanly, so they are read in strict mode; the jazz
 * charts have problems, so they are read leniently.
 */
public final class TestCorpora {

  private static ReadResult<Song> billboardSlots;
  private static BillboardReader.Deduplication billboardDedup;
  private static ReadResult<Song> rs200;
  private static ReadResult<Song> harte;
  private static ReadResult<Song> jazz;

  private TestCorpora() {}

  /** All 890 McGill chart slots, duplicates included (strict). */
  public static synchronized ReadResult<Song> billboardAllSlots() {
    if (billboardSlots == null) {
      billboardSlots = new BillboardReader().readAllChartSlots(
          DataDirectory.resolve(CorpusFormat.BILLBOARD.standardFolder()), ReadMode.STRICT);
    }
    return billboardSlots;
  }

  /** The McGill songs with duplicates removed, as {@link BillboardReader#read} gives them. */
  public static synchronized BillboardReader.Deduplication billboardDeduplicated() {
    if (billboardDedup == null) {
      billboardDedup = BillboardReader.removeDuplicates(billboardAllSlots().items());
    }
    return billboardDedup;
  }

  /** The 400 RS200 analyses (strict). */
  public static synchronized ReadResult<Song> rs200() {
    if (rs200 == null) {
      rs200 = new Rs200Reader().read(DataDirectory.resolve(CorpusFormat.RS200.standardFolder()), ReadMode.STRICT);
    }
    return rs200;
  }

  /** The 295 RWC-Pop and uspop .lab files (strict). */
  public static synchronized ReadResult<Song> harte() {
    if (harte == null) {
      harte = new HarteLabReader().read(DataDirectory.resolve(CorpusFormat.HARTE.standardFolder()), ReadMode.STRICT);
    }
    return harte;
  }

  /** The 2,614 jazz charts (lenient: seven problems). */
  public static synchronized ReadResult<Song> jazz() {
    if (jazz == null) {
      jazz = new JazzChartReader().read(DataDirectory.resolve(CorpusFormat.JAZZ.standardFolder()), ReadMode.LENIENT);
    }
    return jazz;
  }

  /** The song with this id. */
  public static Song song(ReadResult<Song> result, String id) {
    return result.items().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no song " + id));
  }
}
