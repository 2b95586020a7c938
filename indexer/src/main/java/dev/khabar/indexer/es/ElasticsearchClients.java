package dev.khabar.indexer.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.khabar.common.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
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
          settings
              .caCertificate()
              .ifPresent(path -> config.sslContext(sslContext(Path.of(path), "KHABAR_ES_CA_CERT")));
          return config;
        });
  }

  /**
   * A TLS context that trusts exactly the CA certificates of a PEM file (one CA, or a bundle), for
   * a server whose certificate a private CA signed, such as Elastic's self-signed one; the host
   * name is still checked against the certificate.
   *
   * @param setting the variable that named the file, for the message when it cannot be used
   * @throws IllegalArgumentException naming the setting and the file, when the file is missing,
   *     unreadable or holds no certificate
   */
  public static SSLContext sslContext(Path caCertificate, String setting) {
    try (InputStream in = Files.newInputStream(caCertificate)) {
      Collection<? extends Certificate> cas =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (cas.isEmpty()) {
        throw invalidCa(caCertificate, setting, "holds no PEM certificate");
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int n = 0;
      for (Certificate ca : cas) {
        trust.setCertificateEntry("khabar-ca-" + n++, ca);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (NoSuchFileException e) {
      throw invalidCa(caCertificate, setting, "no such file");
    } catch (AccessDeniedException e) {
      throw invalidCa(caCertificate, setting, "permission denied");
    } catch (CertificateException e) {
      throw invalidCa(caCertificate, setting, "holds no PEM certificate");
    } catch (IOException | GeneralSecurityException e) {
      throw invalidCa(caCertificate, setting, e.toString());
    }
  }

  private static IllegalArgumentException invalidCa(Path file, String setting, String problem) {
    return new IllegalArgumentException(
        "setting "
            + setting
            + "='"
            + file
            + "' is not valid: expected a PEM CA certificate file ("
            + problem
            + ")");
  }
}
