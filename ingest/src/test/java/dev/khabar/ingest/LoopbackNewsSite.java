package dev.khabar.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A news site on a loopback address of its own (127.0.0.0/8 is all loopback), so that each site is
 * its own host and publisher: an RSS feed listing the articles added so far, the articles, and a
 * robots.txt only when given one. Every request is recorded with its User-Agent and the times it
 * arrived and was answered.
 */
final class LoopbackNewsSite implements AutoCloseable {
  /** One request: which crawler asked for what, from arrival to the end of the answer. */
  record Visit(String path, String agent, long startNanos, long endNanos) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<String> articles = new CopyOnWriteArrayList<>();
  private final List<Visit> visits = new CopyOnWriteArrayList<>();
  private final Map<String, String> corrections = new ConcurrentHashMap<>();
  private volatile @Nullable String robots;

  LoopbackNewsSite(String address) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::answer);
    server.start();
  }

  /** Adds an article, at {@code /a<n>.html}, to the feed. */
  void addArticle() {
    articles.add("/a" + (articles.size() + 1) + ".html");
  }

  /** From now on the site answers {@code /robots.txt} with this text. */
  void robots(String text) {
    robots = text;
  }

  /** From now on the article at {@code path} carries this correction. */
  void correct(String path, String correction) {
    corrections.put(path, correction);
  }

  String baseUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  List<String> articleUrls() {
    return articles.stream().map(path -> baseUrl() + path).toList();
  }

  List<Visit> visits() {
    return List.copyOf(visits);
  }

  private void answer(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    String agent = String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"));
    try (exchange) {
      String robotsTxt = robots;
      if (path.equals("/robots.txt") && robotsTxt != null) {
        send(exchange, 200, "text/plain", robotsTxt);
      } else if (path.equals("/feed.xml")) {
        StringBuilder feed =
            new StringBuilder(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
        for (String article : articles) {
          feed.append("<item><link>").append(baseUrl()).append(article).append("</link></item>");
        }
        send(exchange, 200, "application/rss+xml", feed.append("</channel></rss>").toString());
      } else if (articles.contains(path)) {
        send(
            exchange,
            200,
            "text/html; charset=utf-8",
            "<html><body><p>خبر "
                + path
                + " من "
                + baseUrl()
                + "</p><p>"
                + corrections.getOrDefault(path, "")
                + "</p></body></html>");
      } else {
        send(exchange, 404, "text/plain", "not here");
      }
    } finally {
      visits.add(new Visit(path, agent, start, System.nanoTime()));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public String toString() {
    return baseUrl();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
