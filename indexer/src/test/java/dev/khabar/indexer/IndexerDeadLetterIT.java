package dev.khabar.indexer;

import static dev.khabar.indexer.IndexerFixtures.T0;
import static dev.khabar.indexer.IndexerFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.Json;
import dev.khabar.common.service.Env;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** Records the indexer can never index go to the dead-letter topic, and indexing carries on. */
class IndexerDeadLetterIT {

  @Test
  void poisonContractViolationsAndMappingRejectionsAreDeadLetteredAndTheRestIndexed()
      throws Exception {
    IndexerFixtures it = new IndexerFixtures(2);
    // A contract-valid article the mapping refuses: the contract bounds no URL, and url is a
    // keyword, whose terms Lucene caps at 32766 bytes. 11,000 × «إير» = 66,000 UTF-8 bytes.
    Article immense =
        article("https://example.org/ar/" + "إير".repeat(11_000), "مقال برابط طويل جداً", T0);
    // A runaway entity name (a recogniser that swallowed a paragraph as one "place") is only
    // left out of the facet (ignore_above): the article itself is indexed.
    Article runaway =
        article("https://example.org/ar/runaway", "مقال بكيان طويل جداً", T0, "إير".repeat(11_000));
    try (KafkaProducer<byte[], byte[]> producer = it.producer()) {
      it.send(producer, article("https://example.org/ar/1", "عارف يعلن", T0));
      it.sendRejected(
          producer, "poison", "{not json".getBytes(StandardCharsets.UTF_8), "contract_error");
      // Valid JSON, but not an article: no url, site, text or fetch time.
      it.sendRejected(
          producer,
          "no-url",
          "{\"id\":\"no-url\",\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8),
          "contract_error");
      it.sendRejected(producer, immense, "document_parsing_exception");
      it.send(producer, runaway);
      it.send(producer, article("https://example.org/en/2", "Trade summit in Tehran", T0));
      it.send(producer, article("https://example.org/en/3", "Ministers meet", T0));
      producer.flush();
    }

    try (IndexerService service = new IndexerService(IndexerConfig.fromEnv(new Env(it.env())));
        ElasticsearchClient client = it.client()) {
      service.start();
      it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(60));
      assertEquals(
          3.0, IndexerFixtures.metric(service.httpPort(), "khabar_indexer_dead_lettered_total"));
    }

    List<ConsumerRecord<byte[], byte[]>> dead = it.assertDeadLettersAreExactlyTheRejected();
    for (ConsumerRecord<byte[], byte[]> record : dead) {
      // The original bytes, and where they came from.
      String key = new String(record.key(), StandardCharsets.UTF_8);
      assertEquals("indexer", IndexerFixtures.header(record, "khabar.error.stage"));
      assertEquals(it.topic, IndexerFixtures.header(record, "khabar.source.topic"));
      assertTrue(IndexerFixtures.header(record, "khabar.source.offset").matches("\\d+"), key);
      assertTrue(!IndexerFixtures.header(record, "khabar.error.message").isEmpty(), key);
      if (key.equals(immense.id())) {
        assertEquals(immense, Json.fromBytes(record.value(), Article.class));
        String message = IndexerFixtures.header(record, "khabar.error.message");
        assertTrue(message.contains("failed to parse field [url]"), message.substring(0, 200));
        assertTrue(message.length() <= 1001, "the reason is abbreviated, not 66 KB");
      }
    }
  }
}
