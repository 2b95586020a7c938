package dev.khabar.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docker/setup-elasticsearch.sh, the compose stack's Elasticsearch setup, run with bash and curl
 * against a loopback HTTP server that answers as Elasticsearch's security API does (the embedded
 * node has no security). It records what the script sends.
 */
class ElasticsearchSetupScriptTest {
  private static final Path SCRIPT = Path.of("..", "docker", "setup-elasticsearch.sh");
  private static final String ELASTIC = "el\"as/tic:pa\\ss word";
  private static final String KIBANA = "kibana-\"quoted\"-1";
  private static final String INDEXER = "indexer/secret\\1";

  private record Request(String method, String path, String authorization, String body) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger unavailable = new AtomicInteger();
  private volatile int authenticateStatus = 200;
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    Assumptions.assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is not installed");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  path,
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body));
          int status =
              path.equals("/_security/_authenticate")
                  ? (unavailable.getAndDecrement() > 0 ? 503 : authenticateStatus)
                  : 200;
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private record Run(int exit, String output) {}

  private Run run(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("ES_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    builder.environment().put("SETUP_TRIES", "3");
    builder.environment().put("SETUP_INTERVAL", "0");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Run(process.exitValue(), output);
  }

  private static Map<String, String> passwords() {
    return Map.of(
        "ELASTIC_PASSWORD", ELASTIC, "KIBANA_PASSWORD", KIBANA, "KHABAR_INDEXER_PASSWORD", INDEXER);
  }

  private static JsonNode json(String body) throws IOException {
    return new ObjectMapper().readTree(body);
  }

  @Test
  void setsKibanasPasswordAndCreatesTheIndexerRoleAndUserAsElastic() throws Exception {
    unavailable.set(1);

    Run run = run(passwords());

    assertEquals(0, run.exit(), run.output());
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("elastic:" + ELASTIC).getBytes(StandardCharsets.UTF_8));
    requests.forEach(r -> assertEquals(basic, r.authorization(), r.path()));
    assertEquals(
        List.of(
            "GET /_security/_authenticate",
            "GET /_security/_authenticate",
            "POST /_security/user/kibana_system/_password",
            "PUT /_security/role/khabar_indexer",
            "PUT /_security/user/khabar_indexer"),
        requests.stream().map(r -> r.method() + " " + r.path()).toList());
    assertEquals(KIBANA, json(requests.get(2).body()).path("password").asText());
    JsonNode role = json(requests.get(3).body());
    assertEquals("news-articles*", role.path("indices").get(0).path("names").get(0).asText());
    assertTrue(role.path("cluster").toString().contains("manage_index_templates"));
    JsonNode user = json(requests.get(4).body());
    assertEquals(INDEXER, user.path("password").asText());
    assertEquals("khabar_indexer", user.path("roles").get(0).asText());
  }

  @Test
  void refusesTheExamplePasswordsBeforeCallingAnything() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(passwords());
    env.put("KIBANA_PASSWORD", "change-me-kibana");

    Run run = run(env);

    assertEquals(1, run.exit());
    assertTrue(run.output().contains("KIBANA_PASSWORD is still the example value"), run.output());
    assertEquals(List.of(), requests);
  }

  @Test
  void refusesAShortPassword() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(passwords());
    env.put("KHABAR_INDEXER_PASSWORD", "short");

    Run run = run(env);

    assertEquals(1, run.exit());
    assertTrue(run.output().contains("KHABAR_INDEXER_PASSWORD is shorter than 12"), run.output());
  }

  @Test
  void givesUpAfterItsBoundedWaitWithTheLastAnswer() throws Exception {
    unavailable.set(100);

    Run run = run(passwords());

    assertEquals(1, run.exit());
    assertTrue(run.output().contains("did not answer"), run.output());
    assertTrue(run.output().contains("HTTP 503"), run.output());
    assertEquals(3, requests.size());
  }

  @Test
  void aChangedElasticPasswordEndsWithWhereToReadWhy() throws Exception {
    authenticateStatus = 401;

    Run run = run(passwords());

    assertEquals(1, run.exit());
    assertTrue(run.output().contains("refuses the elastic user's password"), run.output());
    assertTrue(run.output().contains("README"), run.output());
    assertEquals(1, requests.size());
  }
}
