package dev.khabar.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.ingest.fetch.AddressGuard;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.LocalServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
  private final LocalServer server;
  private final HttpFetcher fetcher;
  private final HostThrottle throttle = new HostThrottle(Duration.ZERO);

  RobotsRulesTest() throws Exception {
    server = new LocalServer();
    fetcher =
        new HttpFetcher(
            FetchSettings.builder().maxAttempts(1).build(),
            new AddressGuard(host -> List.of(InetAddress.getByName("127.0.0.1")), true),
            Clock.systemUTC(),
            duration -> {});
  }

  @AfterEach
  void stop() {
    server.close();
    fetcher.close();
  }

  private RobotsRules rules() {
    return new RobotsRules(
        fetcher,
        throttle,
        "khabarbot",
        Duration.ofHours(1),
        Duration.ofSeconds(2),
        Clock.systemUTC());
  }

  @Test
  void disallowedPathIsRefusedAndOthersAllowed() throws Exception {
    server.on(
        "/robots.txt",
        ex ->
            LocalServer.respond(
                ex,
                200,
                "text/plain",
                "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
    RobotsRules rules = rules();

    assertEquals(RobotsRules.Verdict.DISALLOWED, rules.check(server.uri("/private/a.html")));
    assertEquals(RobotsRules.Verdict.ALLOWED, rules.check(server.uri("/news/a.html")));
  }

  @Test
  void rulesForOurAgentWinOverTheWildcard() throws Exception {
    server.on(
        "/robots.txt",
        ex ->
            LocalServer.respond(
                ex,
                200,
                "text/plain",
                "User-agent: *\nAllow: /\n\nUser-agent: khabarbot\nDisallow: /\n"
                    .getBytes(StandardCharsets.UTF_8)));

    assertEquals(RobotsRules.Verdict.DISALLOWED, rules().check(server.uri("/news/a.html")));
  }

  @Test
  void missingRobotsAllowsEverything() throws Exception {
    server.on("/robots.txt", ex -> LocalServer.respond(ex, 404, "text/plain", new byte[0]));

    assertEquals(RobotsRules.Verdict.ALLOWED, rules().check(server.uri("/anything")));
  }

  @Test
  void serverErrorOnRobotsDefersTheHost() throws Exception {
    server.on("/robots.txt", ex -> LocalServer.respond(ex, 503, "text/plain", new byte[0]));

    assertEquals(RobotsRules.Verdict.DEFERRED, rules().check(server.uri("/news/a.html")));
  }

  @Test
  void robotsIsFetchedOncePerHostWhileCached() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    server.on(
        "/robots.txt",
        ex -> {
          fetches.incrementAndGet();
          LocalServer.respond(
              ex, 200, "text/plain", "User-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8));
        });
    RobotsRules rules = rules();

    rules.check(server.uri("/a"));
    rules.check(server.uri("/b"));

    assertEquals(1, fetches.get());
  }

  @Test
  void manyPagesOfOneHostWaitingTogetherFetchRobotsOnce() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    server.on(
        "/robots.txt",
        ex -> {
          fetches.incrementAndGet();
          LocalServer.respond(
              ex, 200, "text/plain", "User-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8));
        });
    RobotsRules rules = rules();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String path = "/p" + i;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      rules.check(server.uri(path));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertEquals(1, fetches.get());
  }

  @Test
  void crawlDelayIsHonouredUpToTheCap() throws Exception {
    server.on(
        "/robots.txt",
        ex ->
            LocalServer.respond(
                ex,
                200,
                "text/plain",
                "User-agent: *\nCrawl-delay: 60\n".getBytes(StandardCharsets.UTF_8)));
    rules().check(server.uri("/a"));
    String host = server.uri("/").getHost();

    throttle.call(host, () -> null);
    long start = System.nanoTime();
    throttle.call(host, () -> null);
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;

    // 60 s asked, capped at 2 s.
    assertTrue(waitedMillis >= 1900 && waitedMillis < 10_000, "waited " + waitedMillis + " ms");
  }
}
