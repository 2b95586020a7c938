package dev.khabar.ingest.politeness;

import dev.khabar.ingest.sources.Publisher;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.Source;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The configured delay of each host: that of the site whose sources share the host's publisher (the
 * longest, when several sites do), so that every host of a publisher, a redirect target or an
 * article host included, waits as its site asks; the default delay for hosts of no site. Immutable.
 */
public final class ConfiguredDelays implements Function<String, Duration> {
  private final Map<String, Duration> byPublisher;
  private final Duration defaultDelay;

  public ConfiguredDelays(List<Site> sites, Duration defaultDelay) {
    Map<String, Duration> delays = new HashMap<>();
    for (Site site : sites) {
      for (Source source : site.sources()) {
        String host = URI.create(source.url()).getHost();
        if (host != null) {
          delays.merge(Publisher.of(host), site.delay(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      }
    }
    this.byPublisher = Map.copyOf(delays);
    this.defaultDelay = defaultDelay;
  }

  @Override
  public Duration apply(String host) {
    return byPublisher.getOrDefault(Publisher.of(host), defaultDelay);
  }
}
