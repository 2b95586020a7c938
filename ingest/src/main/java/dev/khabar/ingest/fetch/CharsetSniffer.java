package dev.khabar.ingest.fetch;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the charset of a page in the order browsers trust: the HTTP header, then a byte-order mark,
 * then a {@code <meta>} declaration in the first bytes, then ICU's statistical detection (which
 * tells windows-1256 and ISO-8859-6 Arabic apart from Latin text). Thread-safe.
 */
public final class CharsetSniffer {
  private static final int META_SCAN_BYTES = 4096;
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);

  /** How the charset was chosen, for logs and tests. */
  public enum Source {
    HEADER,
    BOM,
    META,
    SNIFFED,
    DEFAULT
  }

  /** A charset and how it was found. */
  public record Detected(Charset charset, Source source) {}

  public Detected detect(@Nullable String headerCharset, byte[] body) {
    Optional<Charset> fromHeader = lookup(headerCharset);
    if (fromHeader.isPresent()) {
      return new Detected(fromHeader.get(), Source.HEADER);
    }
    Optional<Charset> fromBom = bom(body);
    if (fromBom.isPresent()) {
      return new Detected(fromBom.get(), Source.BOM);
    }
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher meta = META_CHARSET.matcher(head);
    if (meta.find()) {
      Optional<Charset> declared = lookup(meta.group(1));
      if (declared.isPresent()) {
        return new Detected(declared.get(), Source.META);
      }
    }
    if (isValidUtf8(body)) {
      return new Detected(StandardCharsets.UTF_8, Source.SNIFFED);
    }
    CharsetDetector detector = new CharsetDetector();
    detector.enableInputFilter(true); // ignore markup when judging the text
    detector.setText(body);
    CharsetMatch match = detector.detect();
    if (match != null) {
      Optional<Charset> sniffed = lookup(match.getName());
      if (sniffed.isPresent()) {
        return new Detected(sniffed.get(), Source.SNIFFED);
      }
    }
    return new Detected(StandardCharsets.UTF_8, Source.DEFAULT);
  }

  /** The charset parameter of a Content-Type header value, if any. */
  public static @Nullable String charsetParameter(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String trimmed = part.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return trimmed.substring("charset=".length()).replace("\"", "").replace("'", "").trim();
      }
    }
    return null;
  }

  private static Optional<Charset> lookup(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(name.trim()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static Optional<Charset> bom(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  /**
   * Strict UTF-8 validation. Checked before statistical detection because valid multi-byte UTF-8
   * is almost never an accident, while ICU's guess on short pages can be.
   */
  private static boolean isValidUtf8(byte[] body) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      decoder.decode(java.nio.ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
