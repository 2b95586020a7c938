package dev.khabar.common.charset;

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
 * Finds the charset of a page: the HTTP header, then a byte-order mark, then valid multi-byte UTF-8
 * (ahead of a {@code <meta>} declaration, which browsers would follow even when it garbles the
 * text), then the declaration in the first bytes, then ICU's statistical detection (which tells
 * windows-1256 and ISO-8859-6 Arabic apart from Latin text). Thread-safe.
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
    Utf8 utf8 = utf8(body);
    if (utf8 == Utf8.MULTIBYTE) {
      // Valid multi-byte UTF-8 is almost never an accident, while a <meta> declaration often is:
      // a template left at «iso-8859-1» over UTF-8 text, a page saved again as UTF-8. Trusting the
      // declaration would garble every non-ASCII letter of the article.
      return new Detected(StandardCharsets.UTF_8, Source.SNIFFED);
    }
    String head =
        new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher meta = META_CHARSET.matcher(head);
    if (meta.find()) {
      Optional<Charset> declared = lookup(meta.group(1));
      if (declared.isPresent()) {
        return new Detected(declared.get(), Source.META);
      }
    }
    if (utf8 == Utf8.ASCII) {
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
    if (body.length >= 3
        && (body[0] & 0xff) == 0xef
        && (body[1] & 0xff) == 0xbb
        && (body[2] & 0xff) == 0xbf) {
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

  enum Utf8 {
    /** Only ASCII bytes: every ASCII-compatible charset reads them alike. */
    ASCII,
    /** Valid UTF-8 with at least one multi-byte sequence. */
    MULTIBYTE,
    INVALID
  }

  /**
   * Strict UTF-8 validation (no overlong forms, no surrogates, nothing past U+10FFFF), without
   * decoding: a page of megabytes is checked in one pass over its bytes.
   */
  static Utf8 utf8(byte[] body) {
    boolean multibyte = false;
    int i = 0;
    while (i < body.length) {
      int b = body[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int min;
      if (b >= 0xc2 && b <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        length = 3;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        length = 4;
        min = 0x10000;
      } else {
        return Utf8.INVALID;
      }
      if (i + length > body.length) {
        return Utf8.INVALID;
      }
      int code = b & (0xff >> (length + 1));
      for (int k = 1; k < length; k++) {
        int c = body[i + k] & 0xff;
        if ((c & 0xc0) != 0x80) {
          return Utf8.INVALID;
        }
        code = (code << 6) | (c & 0x3f);
      }
      if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return Utf8.INVALID;
      }
      multibyte = true;
      i += length;
    }
    return multibyte ? Utf8.MULTIBYTE : Utf8.ASCII;
  }
}
