package dev.khabar.ingest.feeds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a section page of a site without a feed: every link whose absolute URL matches the site's
 * article pattern, in page order, once. Thread-safe.
 */
public final class SectionPageReader {

  public Discovery read(String url, String html, Pattern articlePattern) {
    Document page = Jsoup.parse(html, url);
    Set<String> seen = new LinkedHashSet<>();
    for (Element anchor : page.select("a[href]")) {
      String absolute = anchor.absUrl("href");
      if (!absolute.isEmpty() && articlePattern.matcher(absolute).find()) {
        seen.add(absolute);
      }
    }
    List<Discovery.Link> links = new ArrayList<>();
    for (String link : seen) {
      links.add(new Discovery.Link(link, Optional.empty()));
    }
    return new Discovery(links, List.of());
  }
}
