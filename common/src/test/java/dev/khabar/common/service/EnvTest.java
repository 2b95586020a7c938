package dev.khabar.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
  @Test
  void readsDurationsWithUnits() {
    Env env = new Env(Map.of("A", "500ms", "B", "30s", "C", "PT2M"));

    assertEquals(Duration.ofMillis(500), env.duration("A", Duration.ZERO));
    assertEquals(Duration.ofSeconds(30), env.duration("B", Duration.ZERO));
    assertEquals(Duration.ofMinutes(2), env.duration("C", Duration.ZERO));
    assertEquals(Duration.ofSeconds(7), env.duration("MISSING", Duration.ofSeconds(7)));
  }

  @Test
  void badValueNamesTheVariable() {
    Env env = new Env(Map.of("KHABAR_X", "lots"));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> env.integer("KHABAR_X", 1, 0, 10));

    assertTrue(error.getMessage().contains("KHABAR_X='lots'"), error.getMessage());
  }

  @Test
  void integerOutOfRangeIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new Env(Map.of("N", "11")).integer("N", 1, 0, 10));
  }

  @Test
  void readsSizesAndLists() {
    Env env = new Env(Map.of("S", "5MB", "L", "a, b,,c"));

    assertEquals(5L * 1024 * 1024, env.bytes("S", 1));
    assertEquals(List.of("a", "b", "c"), env.list("L", List.of()));
  }

  @Test
  void kafkaSettingsNeverPrintTheJaasConfig() {
    Env env =
        new Env(
            Map.of(
                "KHABAR_KAFKA_SASL_MECHANISM", "PLAIN",
                "KHABAR_KAFKA_SASL_JAAS_CONFIG", "... password=\"s3cret\";"));

    KafkaSettings settings = KafkaSettings.fromEnv(env);

    assertTrue(!settings.toString().contains("s3cret"), settings.toString());
    assertEquals("... password=\"s3cret\";", settings.clientProperties().get("sasl.jaas.config"));
  }
}
