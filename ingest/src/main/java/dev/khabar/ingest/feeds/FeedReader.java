package dev.khabar.ingest.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads RSS 0.9x/1.0 (RDF)/2.0 and Atom feeds with ROME. Thread-safe. */
public final class FeedReader {

  public Discovery read(String xml) throws SourceFormatException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      // Doctype declarations stay refused (ROME's default): no external entities from a feed.
      input.setAllowDoctypes(false);
      feed = input.build(new StringReader(stripLeadingJunk(xml)));
    } catch (FeedException | IllegalArgumentException e) {
      throw new SourceFormatException("not a readable feed: " + e.getMessage(), e);
    }
    List<Discovery.Link> links = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      String link = link(entry);
      if (link != null) {
        links.add(new Discovery.Link(link, published(entry)));
      }
    }
    return new Discovery(links, List.of());
  }

  private static @Nullable String link(SyndEntry entry) {
    if (entry.getLink() != null && !entry.getLink().isBlank()) {
      return entry.getLink().trim();
    }
    for (SyndLink link : entry.getLinks()) {
      if (link.getHref() != null && (link.getRel() == null || "alternate".equals(link.getRel()))) {
        return link.getHref().trim();
      }
    }
    // RSS items sometimes carry only a permalink guid.
    if (entry.getUri() != null && entry.getUri().startsWith("http")) {
      return entry.getUri().trim();
    }
    return null;
  }

  private static Optional<Instant> published(SyndEntry entry) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return Optional.ofNullable(date).map(Date::toInstant);
  }

  /** Whitespace or a BOM before the XML declaration makes parsers fail; real feeds have both. */
  private static String stripLeadingJunk(String xml) {
    int start = 0;
    while (start < xml.length()
        && (Character.isWhitespace(xml.charAt(start)) || xml.charAt(start) == '\uFEFF')) {
      start++;
    }
    return xml.substring(start);
  }
}
