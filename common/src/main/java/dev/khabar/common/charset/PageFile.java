package dev.khabar.common.charset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A page saved to a file ({@code .html}, or {@code .html.gz}), read as text the way the crawler
 * decodes a page served without a charset header: byte-order mark, {@code <meta>} declaration,
 * valid UTF-8, then ICU's detection ({@link CharsetSniffer}). Offline commands then see a saved
 * page exactly as the pipeline would have seen it fetched.
 */
public final class PageFile {
  private static final CharsetSniffer CHARSETS = new CharsetSniffer();

  private PageFile() {}

  public static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      bytes = in.readAllBytes();
    }
    return new String(bytes, CHARSETS.detect(null, bytes).charset());
  }
}
