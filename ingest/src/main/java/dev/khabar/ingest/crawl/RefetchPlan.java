package dev.khabar.ingest.crawl;

import java.time.Instant;

/**
 * Where the re-fetches of one published article stand, as kept in the re-fetch topic so that the
 * next crawler of its site carries them on: re-fetch {@code i} (1 to the configured count) is due
 * {@code i/count} of the window after {@code firstPublishedAt}.
 *
 * @param url the article's canonical URL
 * @param siteId the site it was published for
 * @param firstPublishedAt when it was first published
 * @param textHash the hash of the text last published, to tell whether a re-fetch changed it
 * @param made how many of its re-fetches were made (or given up)
 */
public record RefetchPlan(
    String url, String siteId, Instant firstPublishedAt, int textHash, int made) {}
