package dev.khabar.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Content types by file extension, for what a news site serves. */
final class ContentTypes {

  private static final String UTF_8 = "; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html" + UTF_8),
          Map.entry("htm", "text/html" + UTF_8),
          // Feeds and sitemaps: crawlers sniff RSS and Atom from the body, as with real sites.
          Map.entry("xml", "application/xml" + UTF_8),
          Map.entry("rss", "application/rss+xml" + UTF_8),
          Map.entry("atom", "application/atom+xml" + UTF_8),
          Map.entry("txt", "text/plain" + UTF_8),
          Map.entry("json", "application/json"),
          Map.entry("css", "text/css" + UTF_8),
          Map.entry("js", "text/javascript" + UTF_8),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("gz", "application/gzip"));

  /** Text types in which {@code {{base}}} is replaced. */
  private static final Set<String> TEMPLATED = Set.of("html", "htm", "xml", "rss", "atom", "txt");

  private ContentTypes() {}

  static String of(String fileName) {
    return BY_EXTENSION.getOrDefault(extension(fileName), "application/octet-stream");
  }

  static boolean isTemplated(String fileName) {
    return TEMPLATED.contains(extension(fileName));
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
