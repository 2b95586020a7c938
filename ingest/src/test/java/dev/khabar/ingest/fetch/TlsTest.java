package dev.khabar.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.address.AllowList;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to the checked address: the TLS server name and the certificate check are the URL's host,
 * not the address. A loopback server with a certificate for {@code news.test} only, trusted through
 * the JVM's trust store properties for the length of each test.
 */
class TlsTest {
  private static final String PASSWORD = "loopback-only";
  private static final List<String> TRUST_PROPERTIES =
      List.of(
          "javax.net.ssl.trustStore",
          "javax.net.ssl.trustStorePassword",
          "javax.net.ssl.trustStoreType");

  @TempDir Path dir;
  private HttpsServer server;
  private final LoopbackSockets sockets = new LoopbackSockets();

  @BeforeEach
  void start() throws Exception {
    Path store = dir.resolve("news.test.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "news",
                "-keyalg",
                "EC",
                "-dname",
                "CN=news.test",
                "-ext",
                "SAN=dns:news.test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertEquals(0, keytool.waitFor(), "keytool");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance("PKIX");
    managers.init(keys, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(managers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/",
        ex ->
            LocalServer.respond(
                ex, 200, "text/html", "<p>خبر</p>".getBytes(StandardCharsets.UTF_8)));
    server.start();
    System.setProperty("javax.net.ssl.trustStore", store.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
  }

  @AfterEach
  void stop() {
    TRUST_PROPERTIES.forEach(System::clearProperty);
    server.stop(0);
  }

  private HttpFetcher fetcher(int port) {
    return new HttpFetcher(
        FetchSettings.builder().maxAttempts(1).build(),
        new AddressGuard(
            host -> List.of(InetAddress.getByName("127.0.0.1")),
            AllowList.parse("127.0.0.1:" + port)),
        RequestGate.OPEN,
        Clock.systemUTC(),
        duration -> {},
        sockets);
  }

  @Test
  void theServerNameAndCertificateCheckAreTheHostsWhileTheConnectionGoesToItsAddress()
      throws Exception {
    int port = server.getAddress().getPort();

    FetchResult result;
    try (HttpFetcher fetcher = fetcher(port)) {
      result = fetcher.fetch(URI.create("https://news.test:" + port + "/"), HttpFetcher.PAGE_TYPES);
    }

    assertEquals("<p>خبر</p>", assertInstanceOf(FetchResult.Page.class, result).text());
    assertEquals(List.of(new InetSocketAddress("127.0.0.1", port)), sockets.attempts());
  }

  @Test
  void aCertificateForTheNameDoesNotPassForTheAddress() throws Exception {
    int port = server.getAddress().getPort();

    FetchResult result;
    try (HttpFetcher fetcher = fetcher(port)) {
      result = fetcher.fetch(URI.create("https://127.0.0.1:" + port + "/"), HttpFetcher.PAGE_TYPES);
    }

    FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class, result);
    assertTrue(failed.reason().contains("SSLHandshakeException"), failed.reason());
  }
}
