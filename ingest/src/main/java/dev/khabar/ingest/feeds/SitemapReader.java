package dev.khabar.ingest.feeds;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads sitemaps, news sitemaps and sitemap indexes with crawler-commons. A news entry's {@code
 * news:publication_date} is preferred over {@code lastmod}. Thread-safe (a parser per call).
 */
public final class SitemapReader {

  public Discovery read(String url, String contentType, byte[] body) throws SourceFormatException {
    AbstractSiteMap parsed;
    try {
      // Lenient: real sitemaps list URLs outside their own folder.
      SiteMapParser parser = new SiteMapParser(false);
      parser.enableExtension(Extension.NEWS);
      URL location = URI.create(url).toURL();
      parsed = parser.parseSiteMap(contentType, body, location);
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      throw new SourceFormatException("not a readable sitemap: " + e.getMessage(), e);
    }
    if (parsed instanceof SiteMapIndex index) {
      List<String> children = new ArrayList<>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        children.add(child.getUrl().toString());
      }
      return new Discovery(List.of(), children);
    }
    List<Discovery.Link> links = new ArrayList<>();
    for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
      links.add(new Discovery.Link(entry.getUrl().toString(), published(entry)));
    }
    return new Discovery(links, List.of());
  }

  private static Optional<Instant> published(SiteMapURL entry) {
    ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata metadata : news) {
        if (metadata instanceof NewsAttributes attributes
            && attributes.getPublicationDate() != null) {
          return Optional.of(attributes.getPublicationDate().toInstant());
        }
      }
    }
    return Optional.ofNullable(entry.getLastModified()).map(java.util.Date::toInstant);
  }
}
