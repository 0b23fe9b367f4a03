package io.github.rocklstm.corpus;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text files of the corpora: UTF-8 (ASCII in practice), with or without a byte-order mark, LF or CRLF
 * (or old-Mac CR) line endings. A file that is not text (a NUL byte, or bytes that are not UTF-8) is a
 * {@link CorpusFormatException} for the whole file rather than a page of garbled "lines".
 */
final class TextFiles {

  private TextFiles() {}

  /**
   * The lines of a text file without their line terminators; line {@code i} of the result is line {@code i + 1}
   * of the file.
   *
   * @throws CorpusFormatException when the file holds a NUL byte or is not UTF-8
   * @throws UncheckedIOException when the file cannot be read
   */
  static ImmutableList<String> readLines(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new CorpusFormatException(SourcePosition.wholeFile(file),
            "not a text file: NUL byte at offset " + i + " (expected UTF-8 or ASCII text)");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file),
          "not a text file: bytes that are not UTF-8 (" + e.getMessage() + "; expected UTF-8 or ASCII text)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return ImmutableList.copyOf(lines);
  }
}
