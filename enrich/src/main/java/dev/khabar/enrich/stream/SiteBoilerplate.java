package dev.khabar.enrich.stream;

import dev.khabar.common.contract.ArticleId;
import dev.khabar.enrich.clean.Extraction;
import dev.khabar.enrich.language.ArabicScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Learns each site's own boilerplate: a paragraph (by a fingerprint of its folded text) that has
 * appeared on more than {@code share} of the site's pages since it was first seen, over at least
 * {@code minPages} pages, is a tagline, footer or standing notice of that site, and is dropped from
 * its articles from then on. Rules cannot know every site's wording; repetition across a site's
 * pages can. Counts live in Kafka Streams stores, so the learning survives restarts (changelog).
 * One instance per stream task; records of one site reach one task (the topology partitions by site
 * first).
 */
final class SiteBoilerplate {
  private final KeyValueStore<String, Long> pagesBySite;
  private final KeyValueStore<String, BlockStats> blocks;
  private final int minPages;
  private final double share;

  /**
   * @param count the distinct pages of the site that had the block
   * @param firstSeenPage the site's page number when the block first appeared
   * @param lastUrl the last page that counted it: a re-fetch of one article must not make its own
   *     paragraphs look site-wide
   */
  record BlockStats(long count, long firstSeenPage, String lastUrl) {}

  SiteBoilerplate(
      KeyValueStore<String, Long> pagesBySite,
      KeyValueStore<String, BlockStats> blocks,
      int minPages,
      double share) {
    this.pagesBySite = pagesBySite;
    this.blocks = blocks;
    this.minPages = minPages;
    this.share = share;
  }

  /**
   * Counts the page's paragraphs and returns the extraction without the site's learned boilerplate.
   */
  Extraction learnAndClean(String site, String url, Extraction extraction) {
    long page = increment(site);
    List<String> kept = new ArrayList<>();
    Set<String> seenOnThisPage = new HashSet<>();
    for (String paragraph : extraction.paragraphs()) {
      String key = site + '\u0000' + fingerprint(paragraph);
      if (!seenOnThisPage.add(key)) {
        kept.add(paragraph);
        continue;
      }
      @Nullable BlockStats stats = blocks.get(key);
      BlockStats updated;
      if (stats == null) {
        updated = new BlockStats(1, page, url);
      } else if (stats.lastUrl().equals(url)) {
        updated = stats;
      } else {
        updated = new BlockStats(stats.count() + 1, stats.firstSeenPage(), url);
      }
      blocks.put(key, updated);
      if (!isBoilerplate(updated, page)) {
        kept.add(paragraph);
      }
    }
    return new Extraction(
        extraction.title(),
        kept,
        extraction.publishedAt(),
        extraction.modifiedAt(),
        extraction.author(),
        extraction.siteName(),
        extraction.language());
  }

  private boolean isBoilerplate(BlockStats stats, long page) {
    long pagesSinceFirstSeen = page - stats.firstSeenPage() + 1;
    return stats.count() >= minPages && stats.count() > share * pagesSinceFirstSeen;
  }

  private long increment(String site) {
    @Nullable Long pages = pagesBySite.get(site);
    long next = pages == null ? 1 : pages + 1;
    pagesBySite.put(site, next);
    return next;
  }

  /**
   * 64 bits of the folded text's hash: spelling variants, case and spacing do not make a block new.
   */
  static String fingerprint(String paragraph) {
    return ArticleId.contentHash(ArabicScript.fold(paragraph)).substring(0, 16);
  }
}
