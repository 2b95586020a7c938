package dev.khabar.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

  @Test
  void defaultsWithoutSite() {
    assertEquals(
        new LocalStack.Config(9092, 9200, Path.of("./.khabar/data"), null, 8088),
        LocalStack.Config.fromEnvironment(Map.of()));
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> env =
        Map.of(
            "KHABAR_EMBEDDED_KAFKA_PORT", "19092",
            "KHABAR_EMBEDDED_ES_PORT", "19200",
            "KHABAR_EMBEDDED_DATA", "/tmp/khabar",
            "KHABAR_SAMPLE_SITE_DIR", "samples/site",
            "KHABAR_SAMPLE_SITE_PORT", "18088");

    assertEquals(
        new LocalStack.Config(19092, 19200, Path.of("/tmp/khabar"), Path.of("samples/site"), 18088),
        LocalStack.Config.fromEnvironment(env));
  }

  @Test
  void badPortNamesTheVariable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LocalStack.Config.fromEnvironment(Map.of("KHABAR_EMBEDDED_ES_PORT", "nine")));

    assertEquals("KHABAR_EMBEDDED_ES_PORT must be a port number, got 'nine'", e.getMessage());
  }

  @Test
  void portOutOfRangeNamesTheVariable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LocalStack.Config.fromEnvironment(Map.of("KHABAR_SAMPLE_SITE_PORT", "70000")));

    assertEquals(
        "KHABAR_SAMPLE_SITE_PORT must be 0 (any free port) or 1-65535, got 70000", e.getMessage());
  }
}
