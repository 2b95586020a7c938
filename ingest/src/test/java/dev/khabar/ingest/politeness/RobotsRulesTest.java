package dev.khabar.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.address.AllowList;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.LocalServer;
import dev.khabar.ingest.fetch.LoopbackSockets;
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
  private final Politeness politeness = new Politeness(throttle, 4);

  RobotsRulesTest() throws Exception {
    server = new LocalServer();
    fetcher =
        new HttpFetcher(
            FetchSettings.builder().maxAttempts(1).build(),
            new AddressGuard(
                host -> List.of(InetAddress.getByName("127.0.0.1")),
                AllowList.parse("127.0.0.1:" + server.uri("/").getPort())),
            politeness,
            Clock.systemUTC(),
            duration -> {},
            new LoopbackSockets());
  }

  @AfterEach
  void stop() {
    server.close();
    fetcher.close();
  }

  private RobotsRules rules() {
    return new RobotsRules(
        fetcher,
        politeness,
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

    // 60 s asked, capped at 2 s.
    assertEquals(Duration.ofSeconds(2), throttle.delay("127.0.0.1"));
  }
}
