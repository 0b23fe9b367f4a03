package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFormatTest {

  @TempDir Path temp;

  @Test
  void namesFoldersAndReaders() {
    assertEquals(CorpusFormat.BILLBOARD, CorpusFormat.parse("billboard"));
    assertEquals(CorpusFormat.HARTE, CorpusFormat.parse(" Harte "));
    assertEquals(CorpusFormat.HARTE, CorpusFormat.parse("rwc-uspop"));
    assertEquals(CorpusFormat.RS200, CorpusFormat.parse("rs200-rock-corpus"));
    assertEquals(CorpusFormat.MUSICXML, CorpusFormat.parse("musicxml"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusFormat.parse("abc"));
    assertEquals("unknown corpus format 'abc' (expected one of billboard, rs200, harte, jazz, musicxml)",
        e.getMessage());
    assertInstanceOf(BillboardReader.class, CorpusFormat.BILLBOARD.reader());
    assertInstanceOf(Rs200Reader.class, CorpusFormat.RS200.reader());
    assertInstanceOf(HarteLabReader.class, CorpusFormat.HARTE.reader());
    assertInstanceOf(JazzChartReader.class, CorpusFormat.JAZZ.reader());
    assertFalse(CorpusFormat.MUSICXML.isChordCorpus());
    UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class,
        CorpusFormat.MUSICXML::reader);
    assertTrue(u.getMessage().contains("chorale"), u.getMessage());
    for (CorpusFormat format : CorpusFormat.values()) {
      assertTrue(Files.isDirectory(Corpora.standardFolder(format)), format.toString());
    }
  }

  @Test
  void corporaReadsAFolderByFormat() throws Exception {
    BadInput.write(temp.resolve("x_dt.txt"), "[D] I | V |\n");
    ReadResult<Song> result = Corpora.read(CorpusFormat.RS200, temp, ReadMode.STRICT);
    assertEquals(List.of("rs200:x:dt"), result.items().stream().map(Song::id).toList());
    assertTrue(result.clean());
  }
}
