package dev.khabar.indexer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.embedded.SharedServices;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshWatchIT {
  @Test
  void anAcknowledgedDocumentIsTimedAtTheFirstRefreshAfterIt() throws Exception {
    String index = "refresh-watch-" + System.nanoTime();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ElasticsearchClient client =
        ElasticsearchClients.create(EsSettings.of(SharedServices.elasticsearch().httpUrl()))) {
      // No scheduled refresh: only the explicit one below makes the document searchable.
      client
          .indices()
          .create(c -> c.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));
      client.index(i -> i.index(index).id("1").document(Map.of("title", "خبر")));
      // Read by hand: the reader thread waits an hour before its first reading.
      try (RefreshWatch watch =
          new RefreshWatch(client, index, registry, Clock.systemUTC(), Duration.ofHours(1))) {
        watch.acknowledged(Instant.now());
        watch.read();
        watch.read();
        Timer searchable =
            registry.get("khabar_stage").tag("stage", "indexed_to_searchable").timer();
        assertEquals(0, searchable.count(), "no refresh yet, so not searchable yet");

        client.indices().refresh(r -> r.index(index));
        watch.read();

        assertEquals(1, searchable.count());
        watch.read();
        assertEquals(1, searchable.count(), "timed once");
      }
    }
  }
}
