package dev.khabar.indexer;

import static dev.khabar.indexer.IndexerFixtures.T0;
import static dev.khabar.indexer.IndexerFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.SharedServices;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The indexer started before enrich has created the articles topic waits for it, not ready, and
 * never has the broker create it with the broker's default partition count.
 */
class StartOrderIT {
  @Test
  void startedBeforeTheArticlesTopicExistsItWaitsForItThenIndexes() throws Exception {
    IndexerFixtures it = new IndexerFixtures(3, false);
    try (IndexerService service = new IndexerService(IndexerConfig.fromEnv(new Env(it.env())));
        ElasticsearchClient client = it.client();
        Admin admin = Admin.create(Map.of("bootstrap.servers", it.bootstrap))) {
      service.start();
      Thread.sleep(3000);
      assertEquals(503, IndexerFixtures.status(service.httpPort(), "/ready"));
      assertFalse(
          admin.listTopics().names().get().contains(it.topic), "the indexer created " + it.topic);

      // enrich starts now and creates the topic.
      SharedServices.kafka().createTopic(it.topic, 3);
      try (KafkaProducer<byte[], byte[]> producer = it.producer()) {
        for (int i = 0; i < 6; i++) {
          it.send(producer, article("https://example.org/order/" + i, "ترتيب " + i, T0));
        }
      }
      it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(60));
      assertEquals(200, IndexerFixtures.status(service.httpPort(), "/ready"));
      assertEquals(
          3,
          admin
              .describeTopics(java.util.List.of(it.topic))
              .allTopicNames()
              .get()
              .get(it.topic)
              .partitions()
              .size());
    }
  }
}
