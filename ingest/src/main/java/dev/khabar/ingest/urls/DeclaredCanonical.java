package dev.khabar.ingest.urls;

import dev.khabar.ingest.sources.Publisher;
import java.net.URI;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The canonical URL a page declares with {@code <link rel="canonical">}, when it is an http(s) URL
 * of the page's own publisher: a page of {@code sport.example.co.uk} may name {@code
 * www.example.co.uk}, not {@code other.co.uk}. Thread-safe.
 */
public final class DeclaredCanonical {
  /** rel=canonical lives in the head: only this much of a page without {@code </head>} is read. */
  private static final int HEAD_LIMIT = 256 * 1024;

  private final UrlCanonicalizer urls;

  public DeclaredCanonical(UrlCanonicalizer urls) {
    this.urls = urls;
  }

  /** The canonical form of the URL {@code html}, fetched from {@code pageUri}, declares. */
  public Optional<String> of(String html, URI pageUri) {
    String pageHost = pageUri.getHost();
    if (pageHost == null) {
      return Optional.empty();
    }
    Element link =
        Jsoup.parse(head(html), pageUri.toString()).selectFirst("link[rel=canonical][href]");
    if (link == null) {
      return Optional.empty();
    }
    return urls.canonicalize(link.absUrl("href"))
        .filter(
            canonical -> {
              String host = URI.create(canonical).getHost();
              return host != null && Publisher.same(host, pageHost);
            });
  }

  private static String head(String html) {
    int end = indexOfIgnoreCase(html, "</head", HEAD_LIMIT);
    return end < 0
        ? html.substring(0, Math.min(html.length(), HEAD_LIMIT))
        : html.substring(0, end);
  }

  private static int indexOfIgnoreCase(String text, String needle, int limit) {
    int last = Math.min(text.length(), limit) - needle.length();
    for (int i = 0; i <= last; i++) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
