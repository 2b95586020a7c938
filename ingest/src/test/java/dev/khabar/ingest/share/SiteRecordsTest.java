package dev.khabar.ingest.share;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.common.contract.Json;
import dev.khabar.ingest.crawl.RefetchPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteRecordsTest {
  private static final RefetchPlan EARLIER =
      new RefetchPlan(
          "https://www.annahar.com/a1", "annahar", Instant.parse("2026-12-03T08:00:00Z"), 17, 1);
  private static final RefetchPlan LATER =
      new RefetchPlan(
          "https://www.annahar.com/a2", "annahar", Instant.parse("2026-12-03T09:00:00Z"), 23, 0);

  private final SiteRecords<RefetchPlan> book =
      new SiteRecords<>(
          RefetchPlan.class,
          RefetchPlan::siteId,
          Comparator.comparing(RefetchPlan::firstPublishedAt));

  private void apply(String url, RefetchPlan plan) {
    book.apply(url.getBytes(StandardCharsets.UTF_8), Json.toBytes(plan));
  }

  @Test
  void givesASitesRecordsInTheGivenOrder() {
    apply(LATER.url(), LATER);
    apply(EARLIER.url(), EARLIER);
    apply(
        "https://www.alyaum.com/b1",
        new RefetchPlan("https://www.alyaum.com/b1", "alyaum", Instant.EPOCH, 5, 0));

    assertEquals(List.of(EARLIER, LATER), book.of("annahar"));
  }

  @Test
  void theLastRecordOfAUrlWinsAndNoValueEndsIt() {
    apply(EARLIER.url(), new RefetchPlan(EARLIER.url(), "annahar", Instant.EPOCH, 1, 0));
    apply(EARLIER.url(), EARLIER);
    apply(LATER.url(), LATER);
    book.apply(LATER.url().getBytes(StandardCharsets.UTF_8), null);

    assertEquals(List.of(EARLIER), book.of("annahar"));
  }

  @Test
  void anUnreadableRecordIsSkipped() {
    book.apply(
        "https://www.annahar.com/a3".getBytes(StandardCharsets.UTF_8),
        "{not json".getBytes(StandardCharsets.UTF_8));

    assertEquals(List.of(), book.of("annahar"));
  }
}
