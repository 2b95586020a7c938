package dev.khabar.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHealthReadinessAndMetrics() throws Exception {
    PrometheusMeterRegistry registry = Metrics.registry("test");
    registry.counter("khabar_test_events").increment(3);
    AtomicBoolean ready = new AtomicBoolean(false);

    try (ServiceEndpoints endpoints =
        ServiceEndpoints.start(
            "127.0.0.1",
            0,
            registry,
            () ->
                ready.get()
                    ? ServiceEndpoints.Readiness.ok()
                    : ServiceEndpoints.Readiness.notReady("kafka unreachable"))) {
      String base = "http://127.0.0.1:" + endpoints.port();

      assertEquals(200, get(base + "/health").statusCode());
      HttpResponse<String> notReady = get(base + "/ready");
      assertEquals(503, notReady.statusCode());
      assertEquals("kafka unreachable\n", notReady.body());
      ready.set(true);
      assertEquals(200, get(base + "/ready").statusCode());
      String metrics = get(base + "/metrics").body();
      assertTrue(metrics.contains("khabar_test_events_total{service=\"test\"} 3.0"), metrics);
      assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics are bound");
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
