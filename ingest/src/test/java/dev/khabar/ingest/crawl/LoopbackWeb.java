package dev.khabar.ingest.crawl;

import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.address.AllowList;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.LocalServer;
import dev.khabar.ingest.fetch.LoopbackSockets;
import dev.khabar.ingest.politeness.HostThrottle;
import dev.khabar.ingest.politeness.Politeness;
import dev.khabar.ingest.politeness.RobotsRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server and the real fetcher and robots.txt rules to reach it: 127.0.0.1 at the
 * server's port is the one address allowed, one attempt per fetch, no delay between requests.
 * Counts the requests for each path.
 */
final class LoopbackWeb implements AutoCloseable {
  final LocalServer server = new LocalServer();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final HttpFetcher fetcher;
  final Crawler.Fetching fetching;

  LoopbackWeb() throws IOException {
    AddressGuard.Resolver resolver =
        host -> {
          if (host.equals("127.0.0.1")) {
            return List.of(InetAddress.getByName("127.0.0.1"));
          }
          throw new UnknownHostException(host);
        };
    Politeness politeness = new Politeness(new HostThrottle(Duration.ZERO), 8);
    fetcher =
        new HttpFetcher(
            FetchSettings.builder().maxAttempts(1).totalTimeout(Duration.ofSeconds(5)).build(),
            new AddressGuard(resolver, AllowList.parse("127.0.0.1:" + server.uri("/").getPort())),
            politeness,
            Clock.systemUTC(),
            HttpFetcher.Sleeper.REAL,
            new LoopbackSockets());
    RobotsRules robots =
        new RobotsRules(
            fetcher,
            politeness,
            "khabarbot",
            Duration.ofHours(1),
            Duration.ofSeconds(1),
            Clock.systemUTC());
    fetching = new Crawler.Fetching(fetcher, robots, "khabarbot-test (+mailto:desk@example.org)");
  }

  /** Serves the body at the path with the status and content type, counting requests. */
  LoopbackWeb serve(String path, int status, String type, String body) {
    server.on(
        path,
        exchange -> {
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          LocalServer.respond(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
        });
    return this;
  }

  /** An HTML page at the path. */
  LoopbackWeb page(String path, String html) {
    return serve(path, 200, "text/html; charset=utf-8", html);
  }

  int requests(String path) {
    AtomicInteger count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  String url(String path) {
    return server.uri(path).toString();
  }

  @Override
  public void close() {
    server.close();
    fetcher.close();
  }
}
