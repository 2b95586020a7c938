package dev.khabar.indexer.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EsSettingsTest {
  @Test
  void secretsNeverAppearInToString() {
    EsSettings settings =
        EsSettings.fromEnv(
            new Env(
                Map.of("KHABAR_ES_URL", "https://es:9200", "KHABAR_ES_API_KEY", "c2VjcmV0a2V5")));

    assertEquals(
        "EsSettings[url=https://es:9200, auth=api key (set), ca=system]", settings.toString());
  }

  @Test
  void userWithoutPasswordIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EsSettings.fromEnv(new Env(Map.of("KHABAR_ES_USERNAME", "elastic"))));
  }

  @Test
  void urlMustBeHttp() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> EsSettings.of("es:9200"));
    assertTrue(error.getMessage().contains("KHABAR_ES_URL"));
  }

  @Test
  void unreadableCaCertificateIsAClearError(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path missing = dir.resolve("ca.pem");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ElasticsearchClients.sslContext(missing, "KHABAR_ES_CA_CERT"));
    assertEquals(
        "setting KHABAR_ES_CA_CERT='"
            + missing
            + "' is not valid: expected a PEM CA certificate file (no such file)",
        error.getMessage());
  }
}
