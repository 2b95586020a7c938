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

    assertEquals(
        Set.of("kafka", "elasticsearch", "kibana", "setup", "ingest", "enrich", "indexer"),
        services);
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
    assertEquals(
        "${ELASTIC_PASSWORD}",
        FILE.path("services")
            .path("indexer")
            .path("environment")
            .path("KHABAR_ES_PASSWORD")
            .asText());
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
    Path env = Files.createTempFile("khabar", ".env");
    Files.writeString(env, "ELASTIC_PASSWORD=test-elastic\nKIBANA_PASSWORD=test-kibana\n");
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
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.exitValue(), output);
  }
}
