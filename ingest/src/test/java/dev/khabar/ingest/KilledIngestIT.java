package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import dev.khabar.embedded.ServiceProcess;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawler killed with SIGKILL neither leaves the ingest group nor ends its transaction. Its
 * successor, with the same instance id, gets its sites back at once: not after the dead member's
 * session timeout.
 */
class KilledIngestIT {
  @TempDir Path logs;

  @Test
  void aSuccessorWithTheSameInstanceIdCrawlsTheSitesWithinSecondsOfAKill() throws Exception {
    String suffix = "-killed-" + System.nanoTime();
    String raw = "khabar.pages.raw" + suffix;
    String bootstrap = SharedServices.kafka().bootstrapServers();
    List<LoopbackNewsSite> sites = new ArrayList<>();
    try {
      for (String address : List.of("127.0.0.61", "127.0.0.62", "127.0.0.63")) {
        LoopbackNewsSite site = new LoopbackNewsSite(address);
        site.addArticle();
        site.addArticle();
        sites.add(site);
      }
      Map<String, String> env = env(sites, suffix);
      try (ServiceProcess first =
          ServiceProcess.start(IngestService.class, env, logs.resolve("first.log"))) {
        TopicReader.read(bootstrap, raw, 6, Duration.ofSeconds(60), Duration.ZERO);
        assertTrue(first.isAlive(), first.output());
        first.kill();
      }
      sites.forEach(LoopbackNewsSite::addArticle);

      long started = System.nanoTime();
      try (IngestService successor =
          new IngestService(IngestConfig.fromEnv(new Env(env)), IsolatedIngest.LOOPBACK_ONLY)) {
        successor.start();
        TopicReader.read(bootstrap, raw, 9, Duration.ofSeconds(30), Duration.ZERO);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertTrue(
            seconds < 10, "the successor published the new articles after " + seconds + " s");
      }
      List<ConsumerRecord<byte[], byte[]>> pages =
          TopicReader.read(bootstrap, raw, 9, Duration.ofSeconds(10), Duration.ofSeconds(2));
      assertEquals(
          sites.stream().flatMap(s -> s.articleUrls().stream()).sorted().toList(),
          pages.stream()
              .map(r -> new String(r.key(), StandardCharsets.UTF_8))
              .sorted()
              .collect(Collectors.toList()),
          "every article once");
    } finally {
      sites.forEach(LoopbackNewsSite::close);
    }
  }

  private static Map<String, String> env(List<LoopbackNewsSite> sites, String suffix) {
    Map<String, String> env = IsolatedIngest.crawling(sites, suffix);
    env.put("KHABAR_INSTANCE_ID", "killed" + suffix);
    env.put("KHABAR_INGEST_SESSION_TIMEOUT", "30s");
    return env;
  }
}
