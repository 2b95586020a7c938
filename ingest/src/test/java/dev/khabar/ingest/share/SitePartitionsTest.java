package dev.khabar.ingest.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.khabar.ingest.sources.Site;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SitePartitionsTest {
  private static Site site(String id, String feed) {
    return new Site(
        id,
        List.of(feed),
        List.of(),
        List.of(),
        Optional.empty(),
        Duration.ofMinutes(1),
        Duration.ofMinutes(30),
        Duration.ofSeconds(2),
        Optional.empty(),
        Set.of(),
        Duration.ofDays(3));
  }

  @Test
  void aSiteIsKeyedByItsPublisher() {
    assertEquals(
        "example.co.uk", SitePartitions.publisher(site("news", "https://news.example.co.uk/rss")));
    assertEquals("127.0.0.5", SitePartitions.publisher(site("local", "http://127.0.0.5:8088/f")));
  }

  @Test
  void sitesOfOnePublisherShareAPartition() {
    SitePartitions partitions = new SitePartitions(List.of(), 24);

    assertEquals(
        partitions.partitionOf(site("news", "https://news.example.co.uk/rss")),
        partitions.partitionOf(site("sport", "https://sport.example.co.uk/feed.xml")));
  }

  @Test
  void thePartitionIsKafkasMurmur2OfThePublisherModuloTheCount() {
    SitePartitions partitions = new SitePartitions(List.of(), 24);

    assertEquals(6, partitions.partitionOf(site("alyaum", "https://www.alyaum.com/rss")));
    assertEquals(
        16, partitions.partitionOf(site("bbc", "https://feeds.bbci.co.uk/arabic/rss.xml")));
  }

  @Test
  void thePartitionsGiveTheirSitesAndOnlyThose() {
    Site alyaum = site("alyaum", "https://www.alyaum.com/rss");
    Site bbc = site("bbc", "https://feeds.bbci.co.uk/arabic/rss.xml");
    SitePartitions partitions = new SitePartitions(List.of(alyaum, bbc), 24);

    assertEquals(List.of(alyaum, bbc), partitions.sitesOf(Set.of(16, 6)));
    assertEquals(List.of(alyaum), partitions.sitesOf(List.of(6, 3)));
    assertEquals(List.of(), partitions.sitesOf(List.of(0)));
  }

  @Test
  void aPartitionCountBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SitePartitions(List.of(), 0));
  }
}
