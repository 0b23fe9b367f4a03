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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the text files of the corpora: UTF-8 (ASCII in practice), with or without a byte-order mark, LF or CRLF
 * (or old-Mac CR) line endings. A file that is not text (a NUL byte, or bytes that are not UTF-8) is a
 * {@link CorpusFormatException} for the whole file rather than a page of garbled "lines".
 */
final class TextFiles {

  /** One or more whitespace characters: the token separator of the chart formats. */
  static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private TextFiles() {}

  /**
   * The regular files under {@code folder} (at most {@code maxDepth} levels down) whose name passes {@code keep},
   * sorted by path so that readers are deterministic.
   *
   * @throws UncheckedIOException when the folder cannot be listed, naming it
   */
  static ImmutableList<Path> find(Path folder, int maxDepth, Predicate<String> keep) {
    if (!Files.isDirectory(folder)) {
      throw new UncheckedIOException(new NoSuchFileException(folder.toString(), null, "not a folder"));
    }
    try (Stream<Path> walk = Files.walk(folder, maxDepth)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> keep.test(p.getFileName().toString()))
          .sorted()
          .collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

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
    return text.lines().collect(ImmutableList.toImmutableList());
  }
}
