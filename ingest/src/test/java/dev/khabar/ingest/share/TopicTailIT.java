package dev.khabar.ingest.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.KafkaSettings;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.embedded.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class TopicTailIT {
  private final Map<String, Object> kafka =
      KafkaSettings.plaintext(SharedServices.kafka().bootstrapServers()).clientProperties();
  private final String suffix = "-" + UUID.randomUUID();

  private void create(String... topics) throws InterruptedException {
    List<TopicSpec> specs = new ArrayList<>();
    for (String topic : topics) {
      specs.add(new TopicSpec(topic, 3, (short) -1, Map.of()));
    }
    TopicSetup.ensure(kafka, Duration.ofSeconds(30), specs.toArray(TopicSpec[]::new));
  }

  @Test
  void tailsStartedTogetherReadTheirTopicsToTheEndRightAfterTheTopicsAreCreated() throws Exception {
    String full = "tail.full" + suffix;
    String empty = "tail.empty" + suffix;
    create(full, empty);
    Map<String, Object> producer = new HashMap<>(kafka);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producer)) {
      for (int i = 0; i < 100; i++) {
        p.send(new ProducerRecord<>(full, bytes("k" + i), bytes("v" + i)));
      }
      p.send(new ProducerRecord<>(full, bytes("k7"), null));
      p.flush();
    }
    Map<String, String> read = new ConcurrentHashMap<>();
    Map<String, String> none = new ConcurrentHashMap<>();
    try (TopicTail a = TopicTail.follow(kafka, full, (k, v) -> put(read, k, v));
        TopicTail b = TopicTail.follow(kafka, empty, (k, v) -> put(none, k, v))) {
      TopicTail.awaitStart(List.of(a, b), Duration.ofSeconds(30));

      assertEquals(99, read.size());
      assertEquals("v42", read.get("k42"));
      assertTrue(none.isEmpty());
    }
  }

  private static void put(Map<String, String> into, byte[] key, byte[] value) {
    String k = new String(key, StandardCharsets.UTF_8);
    if (value == null) {
      into.remove(k);
    } else {
      into.put(k, new String(value, StandardCharsets.UTF_8));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
