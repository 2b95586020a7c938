package dev.khabar.indexer.kibana;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for Kibana's import API on a free loopback port, over HTTP or HTTPS: it answers every
 * request with one status and JSON body, and keeps what the last request sent.
 */
final class LoopbackKibana implements AutoCloseable {
  private final HttpServer server;
  private final String scheme;

  /** Method, URI, each header (lower-case name, first value) and the body of the last request. */
  final Map<String, String> request = new ConcurrentHashMap<>();

  private LoopbackKibana(HttpServer server, String scheme, int status, String response) {
    this.server = server;
    this.scheme = scheme;
    server.createContext(
        "/",
        exchange -> {
          request.put("method", exchange.getRequestMethod());
          request.put("uri", exchange.getRequestURI().toString());
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) -> request.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
          request.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  static LoopbackKibana http(int status, String response) throws IOException {
    return new LoopbackKibana(HttpServer.create(loopback(), 0), "http", status, response);
  }

  /** Over TLS with the key and certificate chain of {@code tls}. */
  static LoopbackKibana https(SSLContext tls, int status, String response) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new LoopbackKibana(server, "https", status, response);
  }

  private static InetSocketAddress loopback() throws IOException {
    return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }

  String url() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
