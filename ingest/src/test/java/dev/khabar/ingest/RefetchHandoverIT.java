package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.LoopbackNewsSite.Visit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Re-fetches follow a site to its next crawler: one crawler publishes an article, leaves, and the
 * other makes the re-fetches the first planned, publishing the corrected text once.
 */
class RefetchHandoverIT {
  @Test
  void theNextCrawlerMakesTheReFetchesThePreviousOnePlanned() throws Exception {
    String suffix = "-refetch-handover-" + System.nanoTime();
    String raw = "khabar.pages.raw" + suffix;
    String bootstrap = SharedServices.kafka().bootstrapServers();
    try (LoopbackNewsSite site = new LoopbackNewsSite("127.0.0.71")) {
      site.addArticle();
      Map<String, String> env = env(site, suffix);
      IngestService first =
          new IngestService(IsolatedIngest.instance(env, "first"), IsolatedIngest.LOOPBACK_ONLY);
      try (IngestService second =
          new IngestService(IsolatedIngest.instance(env, "second"), IsolatedIngest.LOOPBACK_ONLY)) {
        try (first) {
          first.start();
          TopicReader.read(bootstrap, raw, 1, Duration.ofSeconds(60), Duration.ZERO);
          second.start();
          site.correct("/a1.html", "تصحيح: قتيلان لا ثلاثة");
        }
        // The re-fetches are due 6 s and 12 s after the first fetch.
        List<ConsumerRecord<byte[], byte[]>> pages =
            TopicReader.read(bootstrap, raw, 2, Duration.ofSeconds(30), Duration.ofSeconds(8));

        assertEquals(2, pages.size(), "the first version, then the corrected one once");
        assertTrue(
            Json.fromBytes(pages.get(1).value(), RawPage.class).html().contains("تصحيح"),
            "the second is the corrected text");
      }
      List<String> articleAgents =
          site.visits().stream()
              .filter(v -> v.path().equals("/a1.html"))
              .map(Visit::agent)
              .map(agent -> agent.substring(0, agent.indexOf(' ')))
              .toList();
      assertEquals(
          List.of("khabarbot-first", "khabarbot-second", "khabarbot-second"),
          articleAgents,
          "one fetch by the first crawler, both re-fetches by the second");
    }
  }

  private static Map<String, String> env(LoopbackNewsSite site, String suffix) {
    Map<String, String> env = IsolatedIngest.crawling(List.of(site), suffix);
    env.put("KHABAR_INGEST_REFETCH_COUNT", "2");
    env.put("KHABAR_INGEST_REFETCH_WINDOW", "12s");
    return env;
  }
}
