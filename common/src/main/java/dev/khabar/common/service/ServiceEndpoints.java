package dev.khabar.common.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health} (the process is alive), {@code /ready} (its dependencies answer) and Prometheus
 * {@code /metrics} on one port. Port 0 binds a free port; {@link #port()} tells which.
 */
public final class ServiceEndpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoints.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private ServiceEndpoints(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts the endpoints.
   *
   * @param host the address to bind, e.g. {@code 0.0.0.0} in a container, {@code 127.0.0.1} locally
   * @param readiness says whether the service can do its work now, and if not, why
   */
  public static ServiceEndpoints start(
      String host, int port, PrometheusMeterRegistry registry, Supplier<Readiness> readiness)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    // One small named daemon thread: scrapes and probes are rare and must not keep the JVM alive.
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "khabar-endpoints");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/health", exchange -> respond(exchange, 200, "text/plain", "ok\n"));
    server.createContext(
        "/ready",
        exchange -> {
          Readiness state = readiness.get();
          respond(exchange, state.ready() ? 200 : 503, "text/plain", state.detail() + "\n");
        });
    server.createContext(
        "/metrics",
        exchange ->
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.start();
    LOG.info("health, readiness and metrics on http://{}:{}", host, server.getAddress().getPort());
    return new ServiceEndpoints(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Whether a service can do its work now; {@code detail} says what is missing when it cannot. */
  public record Readiness(boolean ready, String detail) {
    public static Readiness ok() {
      return new Readiness(true, "ready");
    }

    public static Readiness notReady(String detail) {
      return new Readiness(false, detail);
    }
  }
}
