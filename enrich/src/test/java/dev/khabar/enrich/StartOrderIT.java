package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.embedded.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich started before ingest has created the raw pages topic waits for it, not ready and without
 * a failing stream thread, then enriches what ingest publishes.
 */
class StartOrderIT {
  @TempDir Path state;

  @Test
  void startedBeforeItsSourceTopicExistsItWaitsForItThenEnriches() throws Exception {
    String suffix = "-order-" + System.nanoTime();
    String bootstrap = SharedServices.kafka().bootstrapServers();
    String raw = "khabar.pages.raw" + suffix;
    try (EnrichService service = new EnrichService(EnrichConfig.fromEnv(env(bootstrap, suffix)))) {
      service.start();
      Thread.sleep(3000);
      HttpResponse<String> waiting = ready(service.httpPort());
      assertEquals(503, waiting.statusCode());
      assertTrue(waiting.body().contains("waiting for topic " + raw), waiting.body());

      // ingest starts now, creates its topic and publishes.
      SharedServices.kafka().createTopic(raw, 2);
      try (TopicWriter writer = new TopicWriter(bootstrap)) {
        for (int i = 0; i < 3; i++) {
          RawPage page = page(i);
          writer.send(raw, page.url(), Json.toBytes(page));
        }
      }
      TopicReader.read(
          bootstrap, "khabar.articles" + suffix, 3, Duration.ofSeconds(90), Duration.ZERO);
      HttpResponse<String> running = ready(service.httpPort());
      assertEquals(200, running.statusCode(), running.body());
    }
  }

  private static HttpResponse<String> ready(int port) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private Env env(String bootstrap, String suffix) {
    Map<String, String> env = EnrichFixtures.env(bootstrap, suffix, state);
    env.put("KHABAR_INSTANCE_ID", "order");
    return new Env(env);
  }

  private static RawPage page(int number) {
    return EnrichFixtures.page("order", number, "");
  }
}
