package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.StageHistograms;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.embedded.TopicWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Streams app on the real broker, stopped mid-stream and started again on an empty disk. */
class EnrichServiceIT {
  private static final String TAGLINE =
      "تصدر صحيفة الواحة عن مؤسسة الجنوب للصحافة والنشر في مدينة البصرة كل صباح منذ عام ١٩٩٩.";

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void restartLosesNoArticleRepeatsNoneAndKeepsWhatItLearned() throws Exception {
    String suffix = "-it-" + System.nanoTime();
    String raw = "khabar.pages.raw" + suffix;
    String articles = "khabar.articles" + suffix;
    // One partition: the pages reach the learner in the order they were sent.
    SharedServices.kafka().createTopic(raw, 1);
    String bootstrap = SharedServices.kafka().bootstrapServers();

    try (TopicWriter writer = new TopicWriter(bootstrap)) {
      for (int i = 1; i <= 3; i++) {
        writer.send(raw, page(i).url(), Json.toBytes(page(i)));
      }
      try (EnrichService service =
          new EnrichService(EnrichConfig.fromEnv(env(bootstrap, suffix, first)))) {
        service.start();
        TopicReader.read(bootstrap, articles, 3, Duration.ofSeconds(90), Duration.ZERO);
        StageHistograms.Stage enriched =
            StageHistograms.scrape(
                    URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics"))
                .stage("published_to_enriched");
        // A page processed again after an aborted transaction counts again; none counts never.
        assertTrue(enriched.count() >= 3, "pages enriched: " + enriched.count());
      }
      for (int i = 4; i <= 8; i++) {
        writer.send(raw, page(i).url(), Json.toBytes(page(i)));
      }
    }
    // A new state directory: the learned counts must come back from the changelog topics.
    try (EnrichService service =
        new EnrichService(EnrichConfig.fromEnv(env(bootstrap, suffix, second)))) {
      service.start();
      List<ConsumerRecord<byte[], byte[]>> out =
          TopicReader.read(bootstrap, articles, 8, Duration.ofSeconds(90), Duration.ofSeconds(3));

      assertEquals(8, out.size(), "each page exactly once");
      Set<String> keys =
          out.stream()
              .map(r -> new String(r.key(), StandardCharsets.UTF_8))
              .collect(Collectors.toSet());
      assertEquals(8, keys.size());
      for (ConsumerRecord<byte[], byte[]> record : out) {
        Article article = Json.fromBytes(record.value(), Article.class);
        int number = Integer.parseInt(article.url().substring(article.url().lastIndexOf('/') + 1));
        assertEquals(number < 3, article.text().contains(TAGLINE), "tagline on page " + number);
        assertTrue(article.text().contains("مشروع تأهيل الطرق"), article.text());
      }
    }
  }

  private static Env env(String bootstrap, String suffix, Path stateDir) {
    Map<String, String> env = EnrichFixtures.env(bootstrap, suffix, stateDir);
    env.put("KHABAR_ENRICH_BOILERPLATE_MIN_PAGES", "3");
    return new Env(env);
  }

  private static RawPage page(int number) {
    return EnrichFixtures.page("oasis", number, "<p>" + TAGLINE + "</p>");
  }
}
