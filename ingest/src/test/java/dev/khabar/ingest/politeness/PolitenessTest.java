package dev.khabar.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.address.AllowList;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.LocalServer;
import dev.khabar.ingest.fetch.LoopbackSockets;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.sources.Site;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A loopback server records when each request arrives; the names in URLs all resolve, through a
 * table, to 127.0.0.1, the one address allowed.
 */
class PolitenessTest {
  private static final byte[] PAGE =
      "<html><body><p>خبر</p></body></html>".getBytes(StandardCharsets.UTF_8);

  /** When a request arrived, and for which host and path. */
  private record Arrival(long nanos, String host, String path) {}

  private final LocalServer server = new LocalServer();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final int port = server.uri("/").getPort();
  private HttpFetcher fetcher;

  PolitenessTest() throws Exception {
    server.on(
        "/",
        ex -> {
          String host = ex.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "");
          arrivals.add(new Arrival(System.nanoTime(), host, ex.getRequestURI().toString()));
          LocalServer.respond(ex, 200, "text/html; charset=utf-8", PAGE);
        });
  }

  @AfterEach
  void stop() {
    server.close();
    if (fetcher != null) {
      fetcher.close();
    }
  }

  private Politeness politeness(Function<String, Duration> delays) {
    Politeness politeness = new Politeness(new HostThrottle(delays), 8);
    fetcher =
        new HttpFetcher(
            FetchSettings.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(20))
                .build(),
            new AddressGuard(
                host -> {
                  if (host.endsWith(".test") || host.endsWith(".co.uk")) {
                    return List.of(InetAddress.getByName("127.0.0.1"));
                  }
                  throw new UnknownHostException(host);
                },
                AllowList.parse("127.0.0.1:" + port)),
            politeness,
            Clock.systemUTC(),
            HttpFetcher.Sleeper.REAL,
            new LoopbackSockets());
    return politeness;
  }

  private URI uri(String host, String path) {
    return URI.create("http://" + host + ":" + port + path);
  }

  private long millisBetween(int earlier, int later) {
    return (arrivals.get(later).nanos() - arrivals.get(earlier).nanos()) / 1_000_000;
  }

  @Test
  void aRetryWaitsForItsHostsTurnNotOnlyForTheBackoff() throws Exception {
    politeness(host -> Duration.ofMillis(400));
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/flaky",
        ex -> {
          arrivals.add(new Arrival(System.nanoTime(), "site.test", "/flaky"));
          LocalServer.respond(ex, calls.incrementAndGet() == 1 ? 503 : 200, "text/html", PAGE);
        });

    assertEquals(
        Outcome.FETCHED,
        fetcher.fetch(uri("site.test", "/flaky"), HttpFetcher.PAGE_TYPES).outcome());

    assertEquals(2, arrivals.size());
    assertTrue(millisBetween(0, 1) >= 390, "retry after " + millisBetween(0, 1) + " ms");
  }

  @Test
  void eachRedirectHopWaitsForItsHostsTurn() throws Exception {
    politeness(host -> Duration.ofMillis(300));
    server.on(
        "/loop",
        ex -> {
          arrivals.add(new Arrival(System.nanoTime(), "site.test", "/loop"));
          ex.getResponseHeaders().set("Location", "/loop2");
          LocalServer.respond(ex, 302, null, new byte[0]);
        });
    server.on(
        "/loop2",
        ex -> {
          arrivals.add(new Arrival(System.nanoTime(), "site.test", "/loop2"));
          ex.getResponseHeaders().set("Location", "/page");
          LocalServer.respond(ex, 302, null, new byte[0]);
        });

    assertEquals(
        Outcome.FETCHED,
        fetcher.fetch(uri("site.test", "/loop"), HttpFetcher.PAGE_TYPES).outcome());

    assertEquals(
        List.of("/loop", "/loop2", "/page"), arrivals.stream().map(Arrival::path).toList());
    assertTrue(millisBetween(0, 1) >= 290, "second hop after " + millisBetween(0, 1) + " ms");
    assertTrue(millisBetween(1, 2) >= 290, "third hop after " + millisBetween(1, 2) + " ms");
  }

  @Test
  void robotsTxtFeedsAndArticlesShareTheHostsTurnAndItsCrawlDelay() throws Exception {
    Politeness politeness = politeness(host -> Duration.ofMillis(200));
    server.on(
        "/robots.txt",
        ex -> {
          arrivals.add(new Arrival(System.nanoTime(), "site.test", "/robots.txt"));
          LocalServer.respond(
              ex,
              200,
              "text/plain",
              "User-agent: *\nCrawl-delay: 1\n".getBytes(StandardCharsets.UTF_8));
        });
    RobotsRules robots =
        new RobotsRules(
            fetcher,
            politeness,
            "khabarbot",
            Duration.ofHours(1),
            Duration.ofSeconds(30),
            Clock.systemUTC());

    fetcher.fetch(uri("site.test", "/feed.xml"), HttpFetcher.FEED_TYPES);
    assertEquals(RobotsRules.Verdict.ALLOWED, robots.check(uri("site.test", "/a.html")));
    fetcher.fetch(uri("site.test", "/a.html"), HttpFetcher.PAGE_TYPES);

    assertEquals(
        List.of("/feed.xml", "/robots.txt", "/a.html"),
        arrivals.stream().map(Arrival::path).toList());
    assertTrue(millisBetween(0, 1) >= 190, "robots.txt after " + millisBetween(0, 1) + " ms");
    assertTrue(millisBetween(1, 2) >= 990, "article after " + millisBetween(1, 2) + " ms");
  }

  @Test
  void twoHostsOfOnePublisherTakeItsDelayButKeepTurnsOfTheirOwn() throws Exception {
    Site news =
        new Site(
            "example",
            List.of("http://news.example.co.uk/rss"),
            List.of(),
            List.of(),
            Optional.empty(),
            Duration.ofMinutes(1),
            Duration.ofMinutes(30),
            Duration.ofMillis(600),
            Optional.empty(),
            Set.of(),
            Duration.ofDays(3));
    politeness(new ConfiguredDelays(List.of(news), Duration.ZERO));

    fetcher.fetch(uri("news.example.co.uk", "/1.html"), HttpFetcher.PAGE_TYPES);
    fetcher.fetch(uri("sport.example.co.uk", "/1.html"), HttpFetcher.PAGE_TYPES);
    fetcher.fetch(uri("sport.example.co.uk", "/2.html"), HttpFetcher.PAGE_TYPES);
    fetcher.fetch(uri("other.test", "/1.html"), HttpFetcher.PAGE_TYPES);
    fetcher.fetch(uri("other.test", "/2.html"), HttpFetcher.PAGE_TYPES);

    assertEquals(
        List.of(
            "news.example.co.uk",
            "sport.example.co.uk",
            "sport.example.co.uk",
            "other.test",
            "other.test"),
        arrivals.stream().map(Arrival::host).toList());
    assertTrue(millisBetween(0, 1) < 400, "sport waited for news: " + millisBetween(0, 1) + " ms");
    assertTrue(millisBetween(1, 2) >= 590, "sport again after " + millisBetween(1, 2) + " ms");
    assertTrue(
        millisBetween(3, 4) < 400, "another publisher waited: " + millisBetween(3, 4) + " ms");
  }
}
