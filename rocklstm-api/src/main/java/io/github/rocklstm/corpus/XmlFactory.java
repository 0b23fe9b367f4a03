package io.github.rocklstm.corpus;

import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Makes the JDK's own StAX parser safe for files from anywhere: no DTD processing, no external entities, no
 * access to any external document. MusicXML files start with a DOCTYPE that names a DTD on musicxml.org;
 * it is never fetched (nothing here touches the network), and entities declared in a DOCTYPE are not
 * expanded, so a reference to one is an error rather than a file read or a billion-laughs expansion.
 */
final class XmlFactory {

  /**
   * A new, locked-down factory. StAX factories are not documented as thread-safe, so each reader gets its own;
   * making one costs microseconds.
   */
  private static XMLInputFactory newFactory() {
    // The JDK's built-in implementation, even when another StAX provider is on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver(new XMLResolver() {
      @Override
      public Object resolveEntity(String publicId, String systemId, String baseUri, String namespace)
          throws XMLStreamException {
        throw new XMLStreamException("refusing to load the external document '" + systemId + "'");
      }
    });
    return factory;
  }

  /** A reader over {@code in}; {@code file} and {@code entry} only label errors. */
  XMLStreamReader reader(InputStream in, Path file, String entry) {
    try {
      return newFactory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw malformed(file, entry, e);
    }
  }

  /** A parse error as a {@link CorpusFormatException} with the file, the entry and the line. */
  static CorpusFormatException malformed(Path file, String entry, XMLStreamException e) {
    Location location = e.getLocation();
    int line = location == null ? 0 : Math.max(0, location.getLineNumber());
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    // The JDK prefixes "ParseError at [row,col]:[12,5]\nMessage: "; keep only the message itself.
    int at = message.indexOf("Message: ");
    if (at >= 0) {
      message = message.substring(at + "Message: ".length());
    }
    String column = location == null || location.getColumnNumber() <= 0 ? "" : ", column " + location.getColumnNumber();
    String where = entry == null ? "" : "entry '" + entry + "', ";
    return new CorpusFormatException(new SourcePosition(file, line, ""),
        where + "malformed XML" + (line > 0 ? " at line " + line + column : "") + ": " + message.strip(), e);
  }
}
