package dev.khabar.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicWriter;
import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.indexer.IndexerConfig;
import dev.khabar.indexer.IndexerService;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich and two indexer instances share the work of partitioned topics, and index nothing
 * twice.
 */
class ScalingIT {
  private static final int PAGES = 24;

  @TempDir Path state;

  @Test
  void twoInstancesOfEachStageSplitTheWorkAndIndexEachArticleOnce() throws Exception {
    String suffix = "-scale-" + System.nanoTime();
    String bootstrap = SharedServices.kafka().bootstrapServers();
    String raw = "khabar.pages.raw" + suffix;
    SharedServices.kafka().createTopic(raw, 4);
    SharedServices.kafka().createTopic("khabar.articles" + suffix, 4);

    try (EnrichService enrichA = new EnrichService(EnrichConfig.fromEnv(env(suffix, "a")));
        EnrichService enrichB = new EnrichService(EnrichConfig.fromEnv(env(suffix, "b")));
        IndexerService indexerA = new IndexerService(IndexerConfig.fromEnv(env(suffix, "a")));
        IndexerService indexerB = new IndexerService(IndexerConfig.fromEnv(env(suffix, "b")));
        ElasticsearchClient client =
            ElasticsearchClients.create(EsSettings.of(SharedServices.elasticsearch().httpUrl()));
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      enrichA.start();
      enrichB.start();
      indexerA.start();
      indexerB.start();
      String alias = "news-articles" + suffix;
      // Both instances of each stage own partitions before any page arrives.
      awaitBothMembersOwnPartitions(admin, "khabar-enrich" + suffix);
      awaitBothMembersOwnPartitions(admin, "khabar-indexer" + suffix);
      try (TopicWriter writer = new TopicWriter(bootstrap)) {
        for (int i = 0; i < PAGES; i++) {
          writer.send(raw, page(i).url(), Json.toBytes(page(i)));
        }
      }

      long count = TestPipeline.awaitDocuments(client, alias, PAGES, Duration.ofSeconds(120));
      assertEquals(PAGES, count);
      Thread.sleep(2000);
      client.indices().refresh(r -> r.index(alias));
      assertEquals(PAGES, client.count(c -> c.index(alias)).count(), "nothing indexed twice");
    }
  }

  private static void awaitBothMembersOwnPartitions(Admin admin, String group) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    List<MemberDescription> members = List.of();
    while (System.nanoTime() < deadline) {
      ConsumerGroupDescription description =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(30, TimeUnit.SECONDS);
      members = List.copyOf(description.members());
      if (members.size() == 2
          && members.stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(group + ": expected 2 members owning partitions, got " + members);
  }

  private Env env(String suffix, String instance) {
    Map<String, String> env = TestPipeline.environment(suffix, 4, state.resolve(instance));
    // Two instances of a service must have names of their own.
    env.put("KHABAR_INSTANCE_ID", instance);
    return new Env(env);
  }

  /** Pages of six sites, so that the by-site step has work for both instances. */
  private static RawPage page(int number) {
    String url = "https://site" + (number % 6) + ".example/news/" + number;
    String html =
        "<html><body><article><h1>Story "
            + number
            + "</h1>"
            + "<p>The council of town "
            + number
            + " approved a new budget for roads and schools on Monday.</p>"
            + "<p>Officials said work on project "
            + number
            + " would start next spring and last two years.</p>"
            + "</article></body></html>";
    return new RawPage(
        url,
        url,
        Instant.parse("2026-11-29T08:00:00Z").plusSeconds(number),
        200,
        "text/html",
        "UTF-8",
        html,
        "scale");
  }
}
