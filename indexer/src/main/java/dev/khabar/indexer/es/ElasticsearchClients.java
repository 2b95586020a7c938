package dev.khabar.indexer.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.khabar.common.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the official Java client from {@link EsSettings}. */
public final class ElasticsearchClients {
  private ElasticsearchClients() {}

  public static ElasticsearchClient create(EsSettings settings) {
    return ElasticsearchClient.of(
        config -> {
          config.host(settings.url());
          // Documents are written with the contracts' own mapping: snake_case, ISO-8601 dates.
          config.jsonMapper(new JacksonJsonpMapper(Json.mapper().copy()));
          settings.apiKey().ifPresent(config::apiKey);
          if (settings.username().isPresent()) {
            config.usernameAndPassword(
                settings.username().get(), settings.password().orElseThrow());
          }
          settings.caCertificate().ifPresent(path -> config.sslContext(sslContext(Path.of(path))));
          return config;
        });
  }

  /** An SSL context that trusts exactly the given PEM CA certificate. */
  static SSLContext sslContext(Path caCertificate) {
    try (InputStream in = Files.newInputStream(caCertificate)) {
      Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("khabar-es-ca", ca);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use CA certificate " + caCertificate + ": " + e.getMessage(), e);
    }
  }
}
