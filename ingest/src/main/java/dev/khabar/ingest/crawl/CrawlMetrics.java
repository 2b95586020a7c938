package dev.khabar.ingest.crawl;

import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * The crawl's metrics: {@code khabar_ingest_fetches}, every fetch counted by site, kind and
 * outcome, and {@code khabar_ingest_fetch_duration}, every fetch timed by site. Thread-safe.
 */
final class CrawlMetrics {
  static final String FETCHES = "khabar_ingest_fetches";
  static final String FETCH_DURATION = "khabar_ingest_fetch_duration";

  /** What a fetch was for; the {@code kind} tag. */
  enum Kind {
    SOURCE,
    ARTICLE,
    REFETCH;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One fetch, to be timed. */
  @FunctionalInterface
  interface Fetch {
    FetchResult run() throws InterruptedException;
  }

  private final MeterRegistry registry;

  CrawlMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(Site site, Kind kind, Outcome outcome) {
    registry
        .counter(FETCHES, "site", site.id(), "kind", kind.tag(), "outcome", outcome.tag())
        .increment();
  }

  /** Runs the fetch and records how long it took, waits for politeness included. */
  FetchResult timed(Site site, Fetch fetch) throws InterruptedException {
    Timer.Sample sample = Timer.start(registry);
    try {
      return fetch.run();
    } finally {
      sample.stop(
          Timer.builder(FETCH_DURATION)
              .tag("site", site.id())
              .publishPercentileHistogram()
              .register(registry));
    }
  }
}
