package dev.khabar.enrich.clean;

import dev.khabar.enrich.meta.PageMetadata;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The headline: the {@code <h1>} that agrees with og:title or {@code <title>}, else og:title or the
 * JSON-LD headline, else {@code <title>}, each without the site-name suffix («… - قناة الكوثر», «…
 * | The Gulf Ledger»).
 */
final class TitleFinder {
  /** Separators between headline and site name in {@code <title>}; a space on each side. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+[-|–—·•:«»/]{1,2}\\s+");

  /** A suffix this short that does not name the site is still taken for the site's name. */
  private static final int MAX_SUFFIX_WORDS = 4;

  private TitleFinder() {}

  /**
   * The headline of a page whose {@code <h1>} elements, in document order, are {@code headlines}
   * (see {@link PageSurvey#headlines}).
   */
  static String find(List<Element> headlines, PageMetadata meta) {
    String fromMeta = strip(meta.headline(), meta.siteName());
    String fromTitle = strip(meta.documentTitle(), meta.siteName());
    int seen = 0;
    for (Element h1 : headlines) {
      if (++seen > 5) {
        break;
      }
      String text = BlockSegmenter.collapse(h1.text());
      if (text.isEmpty()) {
        continue;
      }
      String folded = Boilerplate.fold(text);
      if (agrees(folded, fromMeta) || agrees(folded, fromTitle)) {
        return text;
      }
    }
    if (fromMeta != null) {
      return fromMeta;
    }
    if (fromTitle != null) {
      return fromTitle;
    }
    return headlines.isEmpty() ? "" : BlockSegmenter.collapse(headlines.get(0).text());
  }

  /** A title without the site name before or after it. */
  static @Nullable String strip(@Nullable String title, @Nullable String siteName) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String text = BlockSegmenter.collapse(title);
    String site = siteName == null ? "" : Boilerplate.fold(siteName);
    Matcher m = SEPARATOR.matcher(text);
    int lastStart = -1;
    int lastEnd = -1;
    int firstStart = -1;
    int firstEnd = -1;
    while (m.find()) {
      if (firstStart < 0) {
        firstStart = m.start();
        firstEnd = m.end();
      }
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart < 0) {
      return text;
    }
    String head = text.substring(0, lastStart);
    String tail = text.substring(lastEnd);
    if (names(tail, site)
        || (site.isEmpty() && words(tail) <= MAX_SUFFIX_WORDS && words(head) > words(tail))) {
      return head.strip();
    }
    String lead = text.substring(0, firstStart);
    if (!site.isEmpty() && names(lead, site)) {
      return text.substring(firstEnd).strip();
    }
    return text;
  }

  private static boolean names(String part, String foldedSite) {
    if (foldedSite.isEmpty()) {
      return false;
    }
    String folded = Boilerplate.fold(part);
    return !folded.isEmpty() && (folded.contains(foldedSite) || foldedSite.contains(folded));
  }

  private static boolean agrees(String foldedH1, @Nullable String candidate) {
    if (candidate == null) {
      return false;
    }
    String folded = Boilerplate.fold(candidate);
    return folded.equals(foldedH1)
        || foldedH1.length() >= 10 && (folded.contains(foldedH1) || foldedH1.contains(folded));
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
