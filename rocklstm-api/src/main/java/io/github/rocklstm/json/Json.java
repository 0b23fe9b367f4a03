package io.github.rocklstm.json;

import com.google.common.base.Preconditions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer, so that the api module needs nothing beyond guava.
 *
 * <p>Values map to plain Java types: objects to {@code Map<String, Object>} (insertion order kept),
 * arrays to {@code List<Object>}, strings to {@link String}, numbers to {@link Long} when integral and in
 * range, else {@link Double}, {@code true}/{@code false} to {@link Boolean}, and {@code null} to
 * {@code null}. Parsed maps and lists are unmodifiable. Writing accepts the same types plus any
 * {@link Number}, {@code int[]}, {@code long[]}, {@code double[]} and {@code float[]}, and any {@link Iterable}.
 */
public final class Json {

  private Json() {}

  /**
   * Parses one JSON document.
   *
   * @throws JsonException with the line and column of the problem and what was expected there
   */
  public static Object parse(String text) {
    Preconditions.checkNotNull(text, "text");
    Parser parser = new Parser(text);
    parser.skipWhitespace();
    Object value = parser.readValue(0);
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      throw parser.error("unexpected text after the JSON value");
    }
    return value;
  }

  /** Parses a document whose top level must be an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object at the top level, found " + describe(value));
    }
    return (Map<String, Object>) value;
  }

  /** Writes {@code value} as compact JSON. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    new Writer(out, false).write(value, 0);
    return out.toString();
  }

  /** Writes {@code value} as JSON indented by two spaces, ending without a newline. */
  public static String writePretty(Object value) {
    StringBuilder out = new StringBuilder();
    new Writer(out, true).write(value, 0);
    return out.toString();
  }

  /** The member {@code name} of {@code object}, failing clearly when it is absent or of another type. */
  public static <T> T get(Map<String, Object> object, String name, Class<T> type) {
    Object value = object.get(name);
    if (value == null) {
      throw new JsonException("missing field '" + name + "' (present: " + object.keySet() + ")");
    }
    if (type == Integer.class && value instanceof Long) {
      long l = (Long) value;
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new JsonException("field '" + name + "' = " + l + " does not fit an int");
      }
      return type.cast(Math.toIntExact(l));
    }
    if (type == Double.class && value instanceof Long) {
      return type.cast(((Long) value).doubleValue());
    }
    if (!type.isInstance(value)) {
      throw new JsonException(
          "field '" + name + "' should be " + type.getSimpleName() + " but is " + describe(value));
    }
    return type.cast(value);
  }

  /** The object member {@code name} of {@code object}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> getObject(Map<String, Object> object, String name) {
    return get(object, name, Map.class);
  }

  /** The array member {@code name} of {@code object}. */
  @SuppressWarnings("unchecked")
  public static List<Object> getList(Map<String, Object> object, String name) {
    return get(object, name, List.class);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String) {
      return "the string \"" + value + "\"";
    }
    return value.getClass().getSimpleName() + " " + value;
  }

  private static final class Parser {
    private static final int MAX_DEPTH = 512;
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    void skipWhitespace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object readValue(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      if (atEnd()) {
        throw error("unexpected end of input, expected a value");
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{': return readObject(depth);
        case '[': return readArray(depth);
        case '"': return readString();
        case 't': return readLiteral("true", Boolean.TRUE);
        case 'f': return readLiteral("false", Boolean.FALSE);
        case 'n': return readLiteral("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
          }
          throw error("unexpected character '" + c + "', expected an object, array, string, number, true, false or null");
      }
    }

    private Map<String, Object> readObject(int depth) {
      pos++; // {
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a string key in object");
        }
        String key = readString();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        Object value = readValue(depth + 1);
        if (map.containsKey(key)) {
          throw error("duplicate key \"" + key + "\"");
        }
        map.put(key, value);
        skipWhitespace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == '}') {
          pos++;
          return Collections.unmodifiableMap(map);
        } else {
          throw error("expected ',' or '}' in object");
        }
      }
    }

    private List<Object> readArray(int depth) {
      pos++; // [
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        skipWhitespace();
        list.add(readValue(depth + 1));
        skipWhitespace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == ']') {
          pos++;
          return Collections.unmodifiableList(list);
        } else {
          throw error("expected ',' or ']' in array");
        }
      }
    }

    private String readString() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          if (atEnd()) {
            throw error("unterminated escape");
          }
          char e = text.charAt(pos++);
          switch (e) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u':
              if (pos + 4 > text.length()) {
                throw error("truncated \\u escape");
              }
              try {
                sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
              } catch (NumberFormatException ex) {
                throw error("bad \\u escape '" + text.substring(pos, pos + 4) + "'");
              }
              pos += 4;
              break;
            default:
              throw error("bad escape '\\" + e + "'");
          }
        } else if (c < 0x20) {
          pos--;
          throw error("control character in string (must be escaped)");
        } else {
          sb.append(c);
        }
      }
    }

    private Object readLiteral(String literal, Object value) {
      if (!text.startsWith(literal, pos)) {
        throw error("expected '" + literal + "'");
      }
      pos += literal.length();
      return value;
    }

    private Object readNumber() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      boolean integral = true;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c >= '0' && c <= '9') {
          pos++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
          integral = false;
          pos++;
        } else {
          break;
        }
      }
      String number = text.substring(start, pos);
      try {
        if (integral) {
          try {
            return Long.parseLong(number);
          } catch (NumberFormatException tooBig) {
            return new BigDecimal(number).doubleValue();
          }
        }
        new BigDecimal(number); // strict syntax check: rejects "1.2.3", "1e", "--1"
        return Double.parseDouble(number);
      } catch (NumberFormatException ex) {
        pos = start;
        throw error("malformed number '" + number + "'");
      }
    }

    private char peek() {
      if (atEnd()) {
        throw error("unexpected end of input");
      }
      return text.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    JsonException error(String message) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < Math.min(pos, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new JsonException(message + " at line " + line + ", column " + column);
    }
  }

  private static final class Writer {
    private final StringBuilder out;
    private final boolean pretty;

    Writer(StringBuilder out, boolean pretty) {
      this.out = out;
      this.pretty = pretty;
    }

    void write(Object value, int indent) {
      if (value == null) {
        out.append("null");
      } else if (value instanceof String) {
        writeString((String) value);
      } else if (value instanceof Boolean) {
        out.append(value);
      } else if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new JsonException("JSON cannot represent the number " + d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          out.append((long) d).append(".0");
        } else {
          out.append(Double.toString(d));
        }
      } else if (value instanceof Number) {
        out.append(value);
      } else if (value instanceof Map) {
        writeObject((Map<?, ?>) value, indent);
      } else if (value instanceof Iterable) {
        List<Object> items = new ArrayList<>();
        ((Iterable<?>) value).forEach(items::add);
        writeArray(items, indent);
      } else if (value instanceof int[]) {
        List<Object> items = new ArrayList<>();
        for (int v : (int[]) value) {
          items.add(v);
        }
        writeArray(items, indent);
      } else if (value instanceof long[]) {
        List<Object> items = new ArrayList<>();
        for (long v : (long[]) value) {
          items.add(v);
        }
        writeArray(items, indent);
      } else if (value instanceof double[]) {
        List<Object> items = new ArrayList<>();
        for (double v : (double[]) value) {
          items.add(v);
        }
        writeArray(items, indent);
      } else if (value instanceof float[]) {
        List<Object> items = new ArrayList<>();
        for (float v : (float[]) value) {
          items.add((double) v);
        }
        writeArray(items, indent);
      } else if (value instanceof Enum) {
        writeString(((Enum<?>) value).name());
      } else {
        throw new JsonException("cannot write " + value.getClass().getName() + " as JSON");
      }
    }

    private void writeObject(Map<?, ?> map, int indent) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new JsonException("JSON object keys must be strings, found " + e.getKey());
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(indent + 1);
        writeString((String) e.getKey());
        out.append(pretty ? ": " : ":");
        write(e.getValue(), indent + 1);
      }
      newline(indent);
      out.append('}');
    }

    private void writeArray(List<Object> items, int indent) {
      if (items.isEmpty()) {
        out.append("[]");
        return;
      }
      boolean scalars = items.stream().noneMatch(v -> v instanceof Map || v instanceof Iterable);
      out.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(pretty && scalars ? ", " : ",");
        }
        if (!scalars) {
          newline(indent + 1);
        }
        write(items.get(i), indent + 1);
      }
      if (!scalars) {
        newline(indent);
      }
      out.append(']');
    }

    private void newline(int indent) {
      if (pretty) {
        out.append('\n');
        for (int i = 0; i < indent; i++) {
          out.append("  ");
        }
      }
    }

    private void writeString(String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"': out.append("\\\""); break;
          case '\\': out.append("\\\\"); break;
          case '\n': out.append("\\n"); break;
          case '\r': out.append("\\r"); break;
          case '\t': out.append("\\t"); break;
          case '\b': out.append("\\b"); break;
          case '\f': out.append("\\f"); break;
          default:
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
        }
      }
      out.append('"');
    }
  }
}
