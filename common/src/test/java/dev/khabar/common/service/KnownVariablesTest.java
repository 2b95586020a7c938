package dev.khabar.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownVariablesTest {

  @Test
  void aMistypedNameIsNamedWithTheOneItWasMeantToBe() {
    assertEquals(
        List.of("KHABAR_INGEST_DELAYS (did you mean KHABAR_INGEST_DELAY?)"),
        KnownVariables.unknown(
            Map.of("KHABAR_INGEST_DELAYS", "1s", "KHABAR_INGEST_FEEDS", "http://a/", "PATH", "/")));
  }

  @Test
  void aNameFarFromAnyIsNamedAlone() {
    assertEquals(
        List.of("KHABAR_PARTITIONS", "KHABAR_SOMETHING_ELSE_ENTIRELY"),
        KnownVariables.unknown(
            Map.of("KHABAR_SOMETHING_ELSE_ENTIRELY", "x", "KHABAR_PARTITIONS", "6")));
  }

  @Test
  void aRetiredNameSaysWhatReplacedIt() {
    assertEquals(
        List.of(
            "KHABAR_INGEST_ALLOW_LOOPBACK (gone: name the hosts to reach in"
                + " KHABAR_INGEST_ALLOW_PRIVATE)"),
        KnownVariables.unknown(Map.of("KHABAR_INGEST_ALLOW_LOOPBACK", "true")));
  }

  @Test
  void startIsRefusedWithEveryUnknownNameAtOnce() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                KnownVariables.requireKnown(
                    Map.of("KHABAR_ES_URLS", "x", "KHABAR_TOPIC_PARTITION", "6")));
    assertTrue(
        e.getMessage().contains("KHABAR_ES_URLS (did you mean KHABAR_ES_URL?)"), e.getMessage());
    assertTrue(e.getMessage().contains("KHABAR_TOPIC_PARTITION (did you mean"), e.getMessage());
  }

  @Test
  void knownNamesAndOtherVariablesPass() {
    KnownVariables.requireKnown(
        Map.of("KHABAR_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "HOME", "/root", "KHABAR", "x"));
    assertEquals(
        List.of(), KnownVariables.unknown(Map.of("KHABAR_ES_URL", "http://127.0.0.1:9200")));
  }

  @Test
  void anEnvironmentRemembersTheNamesAConfigurationAskedFor() {
    Env env = new Env(Map.of("KHABAR_INGEST_DELAY", "1s"));
    env.duration("KHABAR_INGEST_DELAY", java.time.Duration.ZERO);
    env.string("KHABAR_ES_URL", "http://127.0.0.1:9200");
    assertEquals(java.util.Set.of("KHABAR_INGEST_DELAY", "KHABAR_ES_URL"), env.namesRead());
  }
}
