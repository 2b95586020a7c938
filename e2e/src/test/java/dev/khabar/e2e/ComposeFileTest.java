package dev.khabar.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without a Docker engine: its structure, and `docker-compose config`
 * when installed.
 */
class ComposeFileTest {
  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
  private static final JsonNode FILE = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void hasEveryServiceTheReadmePromises() {
    Set<String> services = new TreeSet<>();
    FILE.path("services").properties().forEach(e -> services.add(e.getKey()));

    assertEquals(Set.copyOf(ALL), services);
  }

  @Test
  void usesTheOfficialImagesAtVersion9ForElastic() {
    JsonNode services = FILE.path("services");
    assertTrue(services.path("kafka").path("image").asText().startsWith("apache/kafka:4."));
    assertTrue(
        services
            .path("elasticsearch")
            .path("image")
            .asText()
            .startsWith("docker.elastic.co/elasticsearch/elasticsearch:9."));
    assertTrue(
        services
            .path("kibana")
            .path("image")
            .asText()
            .startsWith("docker.elastic.co/kibana/kibana:9."));
  }

  @Test
  void khabarServicesRunTheirOwnImagesWithEnrichStateOnAVolume() {
    for (String name : List.of("ingest", "enrich", "indexer")) {
      JsonNode service = FILE.path("services").path(name);
      String version = System.getProperty("khabar.version");
      assertEquals(
          "khabar/" + name + ":${KHABAR_VERSION:-" + version + "}", service.path("image").asText());
      assertFalse(service.has("user"), name + " runs as the image's non-root user");
    }
    JsonNode enrich = FILE.path("services").path("enrich");
    String stateDir = enrich.path("environment").path("KHABAR_ENRICH_STATE_DIR").asText();
    // The image declares this directory as a volume, writable by its user (enrich's ImageIT).
    assertEquals("/var/lib/khabar/enrich", stateDir);
    assertEquals("enrich-state:" + stateDir, enrich.path("volumes").get(0).asText());
    assertTrue(FILE.path("volumes").has("enrich-state"));
  }

  @Test
  void everyLongRunningServiceHasAHealthcheckARestartPolicyAndAMemoryLimit() {
    for (String name : List.of("kafka", "elasticsearch", "kibana", "ingest", "enrich", "indexer")) {
      JsonNode service = FILE.path("services").path(name);
      assertTrue(service.has("healthcheck"), name + " has no healthcheck");
      assertFalse(merged(service, "restart").asText().isEmpty(), name + " has no restart policy");
      assertFalse(
          merged(service, "deploy")
              .path("resources")
              .path("limits")
              .path("memory")
              .asText()
              .isEmpty(),
          name + " has no memory limit");
    }
  }

  /**
   * A service's key, or the shared Khabar service block's that it merges with {@code <<:
   * *khabar-service}.
   */
  private static JsonNode merged(JsonNode service, String key) {
    return service.has(key) ? service.path(key) : FILE.path("x-khabar-service").path(key);
  }

  @Test
  void elasticsearchSecurityIsOnWithAPasswordFromTheEnvironment() {
    JsonNode environment = FILE.path("services").path("elasticsearch").path("environment");
    assertEquals("true", environment.path("xpack.security.enabled").asText());
    assertTrue(environment.path("ELASTIC_PASSWORD").asText().startsWith("${ELASTIC_PASSWORD"));
    JsonNode indexer = FILE.path("services").path("indexer").path("environment");
    assertEquals("khabar_indexer", indexer.path("KHABAR_ES_USERNAME").asText());
    assertTrue(
        indexer.path("KHABAR_ES_PASSWORD").asText().startsWith("${KHABAR_INDEXER_PASSWORD:?"),
        "the indexer writes as its own user, whose password must be set");
  }

  private static final List<String> ALL =
      List.of(
          "kafka",
          "elasticsearch",
          "kibana",
          "kafka-setup",
          "elasticsearch-setup",
          "ingest",
          "enrich",
          "indexer");

  @Test
  void everyPortIsPublishedOnTheConfiguredAddressLoopbackByDefault() {
    int ports = 0;
    for (String name : ALL) {
      for (JsonNode port : FILE.path("services").path(name).path("ports")) {
        assertTrue(
            port.asText().startsWith("${KHABAR_PUBLISH_ADDRESS:-127.0.0.1}:"),
            name + " publishes " + port.asText() + " on every interface");
        ports++;
      }
    }
    assertEquals(6, ports);
  }

  @Test
  void everyServiceRotatesItsLogs() {
    JsonNode logging = FILE.path("x-logging");
    assertEquals("json-file", logging.path("driver").asText());
    assertFalse(logging.path("options").path("max-size").asText().isEmpty());
    assertFalse(logging.path("options").path("max-file").asText().isEmpty());
    // Each service takes that block by the alias *logging (the parser leaves aliases unresolved).
    for (String name : ALL) {
      assertTrue(merged(FILE.path("services").path(name), "logging").isValueNode(), name);
    }
  }

  @Test
  void khabarImagesAreBuiltLocallyNeverPulled() {
    for (String name : List.of("ingest", "enrich", "indexer")) {
      assertEquals("never", merged(FILE.path("services").path(name), "pull_policy").asText(), name);
    }
  }

  @Test
  void kafkaAndElasticsearchHaveTimeToStopCleanly() {
    for (String name : List.of("kafka", "elasticsearch")) {
      String grace = FILE.path("services").path(name).path("stop_grace_period").asText();
      assertTrue(grace.matches("\\d+s"), name + ": " + grace);
      assertTrue(Integer.parseInt(grace.replace("s", "")) >= 60, name + ": " + grace);
    }
  }

  @Test
  void kafkasHeapFitsItsLimitAndItsHealthcheckStartsNoSecondJvm() {
    JsonNode kafka = FILE.path("services").path("kafka");
    assertEquals(
        "1g", kafka.path("deploy").path("resources").path("limits").path("memory").asText());
    assertTrue(
        kafka.path("environment").path("KAFKA_HEAP_OPTS").asText().contains("-Xmx512m"),
        "half the limit for the heap");
    String check = kafka.path("healthcheck").path("test").toString();
    assertFalse(check.contains("/opt/kafka/bin"), check);
  }

  @Test
  void enrichHasRoomBesideItsHeapForRocksDb() {
    // enrich's image sets its heap to half the limit (enrich's ImageIT): 768 MB of 1.5 GB.
    JsonNode enrich = FILE.path("services").path("enrich");
    assertEquals(
        "1536m", enrich.path("deploy").path("resources").path("limits").path("memory").asText());
  }

  @Test
  void theCrawlerNeedsARealContactAndReadsAMountedSourcesFile() {
    JsonNode ingest = FILE.path("services").path("ingest");
    assertTrue(
        ingest
            .path("environment")
            .path("KHABAR_INGEST_USER_AGENT")
            .asText()
            .startsWith("${KHABAR_INGEST_USER_AGENT:?"));
    String sources = ingest.path("environment").path("KHABAR_INGEST_SOURCES").asText();
    assertTrue(ingest.path("volumes").get(0).asText().endsWith(":" + sources + ":ro"));
  }

  @Test
  void servicesAreConfiguredOnlyWithVariablesTheReadmeDocuments() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (String name : List.of("ingest", "enrich", "indexer")) {
      FILE.path("services")
          .path(name)
          .path("environment")
          .properties()
          .forEach(
              e ->
                  assertTrue(
                      readme.contains("`" + e.getKey() + "`") || readme.contains(e.getKey()),
                      e.getKey() + " is not in README.md"));
    }
  }

  @Test
  void dockerComposeConfigAcceptsTheFile() throws Exception {
    Assumptions.assumeTrue(
        new File("/usr/bin/docker-compose").canExecute(), "docker-compose is not installed");
    Process process = config(ENV);
    assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
  }

  @Test
  void dockerComposeConfigRefusesAMissingCrawlerContact() throws Exception {
    Assumptions.assumeTrue(
        new File("/usr/bin/docker-compose").canExecute(), "docker-compose is not installed");
    Process process = config(ENV.replaceAll("KHABAR_INGEST_USER_AGENT=.*\n", ""));
    assertTrue(
        new String(process.getInputStream().readAllBytes()).contains("KHABAR_INGEST_USER_AGENT"));
    assertFalse(process.exitValue() == 0);
  }

  private static final String ENV =
      "ELASTIC_PASSWORD=test-elastic-1\nKIBANA_PASSWORD=test-kibana-1\n"
          + "KHABAR_INDEXER_PASSWORD=test-indexer-1\n"
          + "KHABAR_INGEST_USER_AGENT=KhabarBot/0.1 (+mailto:ops@example.org)\n";

  /** Runs `docker-compose config -q` with {@code variables} as its .env file; ended. */
  private static Process config(String variables) throws Exception {
    Path env = Files.createTempFile("khabar", ".env");
    Files.writeString(env, variables);
    Process process =
        new ProcessBuilder(
                "/usr/bin/docker-compose",
                "--env-file",
                env.toString(),
                "-f",
                COMPOSE.toString(),
                "config",
                "-q")
            .redirectErrorStream(true)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return process;
  }
}
