package dev.khabar.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceIdTest {
  @Test
  void theConfiguredIdWins() {
    Env env = new Env(Map.of("KHABAR_INSTANCE_ID", "indexer-2", "HOSTNAME", "web-7"));

    assertEquals("indexer-2", InstanceId.fromEnv(env).value());
  }

  @Test
  void withoutOneTheHostNameIsTheId() {
    assertEquals("web-7", InstanceId.fromEnv(new Env(Map.of("HOSTNAME", "web-7"))).value());
  }

  @Test
  void characterKafkaRefusesInAHostNameBecomeDashes() {
    assertEquals("news-host-1", InstanceId.fromHostName("news host:1").value());
  }

  @Test
  void anInvalidConfiguredIdNamesTheVariable() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> InstanceId.fromEnv(new Env(Map.of("KHABAR_INSTANCE_ID", "a/b"))));

    assertTrue(error.getMessage().contains("KHABAR_INSTANCE_ID='a/b'"), error.getMessage());
  }

  @Test
  void qualifiedPrefixesTheServiceName() {
    assertEquals("khabar-indexer-web-7", new InstanceId("web-7").qualified("khabar-indexer"));
  }
}
