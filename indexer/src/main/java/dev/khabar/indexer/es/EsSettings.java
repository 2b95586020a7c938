package dev.khabar.indexer.es;

import dev.khabar.common.service.Env;
import java.util.Optional;

/**
 * How to reach Elasticsearch. {@link #toString()} never shows the API key or password.
 *
 * @param url e.g. {@code https://es.example.org:9200}
 * @param apiKey an encoded API key, preferred over user and password
 * @param caCertificate path to a PEM CA certificate for a cluster with its own CA
 */
public record EsSettings(
    String url,
    Optional<String> apiKey,
    Optional<String> username,
    Optional<String> password,
    Optional<String> caCertificate) {

  public EsSettings {
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException(
          "KHABAR_ES_USERNAME and KHABAR_ES_PASSWORD must be set together");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "KHABAR_ES_URL must start with http:// or https://: " + url);
    }
  }

  public static EsSettings fromEnv(Env env) {
    return new EsSettings(
        env.string("KHABAR_ES_URL", "http://127.0.0.1:9200"),
        env.optional("KHABAR_ES_API_KEY"),
        env.optional("KHABAR_ES_USERNAME"),
        env.optional("KHABAR_ES_PASSWORD"),
        env.optional("KHABAR_ES_CA_CERT"));
  }

  public static EsSettings of(String url) {
    return new EsSettings(
        url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public String toString() {
    String auth =
        apiKey.isPresent() ? "api key (set)" : username.map(u -> "user " + u).orElse("none");
    return "EsSettings[url="
        + url
        + ", auth="
        + auth
        + ", ca="
        + caCertificate.orElse("system")
        + "]";
  }
}
