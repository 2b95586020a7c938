/**
 * The crawl, one job per class: polling sources on their schedule, discovering article links,
 * fetching and publishing articles, re-fetching them, and counting it all.
 */
@NullMarked
package dev.khabar.ingest.crawl;

import org.jspecify.annotations.NullMarked;
