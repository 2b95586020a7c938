package dev.khabar.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.ingest.sources.Site;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredDelaysTest {
  private static Site site(String id, String feed, Duration delay) {
    return new Site(
        id,
        List.of(feed),
        List.of(),
        List.of(),
        Optional.empty(),
        Duration.ofMinutes(1),
        Duration.ofMinutes(30),
        delay,
        Optional.empty(),
        Set.of(),
        Duration.ofDays(3));
  }

  @Test
  void everyHostOfASitesPublisherTakesTheSitesDelay() {
    ConfiguredDelays delays =
        new ConfiguredDelays(
            List.of(site("news", "https://news.example.co.uk/rss", Duration.ofSeconds(5))),
            Duration.ofSeconds(2));

    assertEquals(Duration.ofSeconds(5), delays.apply("news.example.co.uk"));
    assertEquals(Duration.ofSeconds(5), delays.apply("sport.example.co.uk"));
    assertEquals(Duration.ofSeconds(2), delays.apply("other.co.uk"));
  }

  @Test
  void twoSitesOfOnePublisherTakeTheLongerDelay() {
    ConfiguredDelays delays =
        new ConfiguredDelays(
            List.of(
                site("news", "https://news.example.co.uk/rss", Duration.ofSeconds(3)),
                site("sport", "https://sport.example.co.uk/rss", Duration.ofSeconds(7))),
            Duration.ZERO);

    assertEquals(Duration.ofSeconds(7), delays.apply("news.example.co.uk"));
  }
}
