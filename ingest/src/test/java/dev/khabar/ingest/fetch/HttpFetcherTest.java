package dev.khabar.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.ingest.address.AddressGuard;
import dev.khabar.ingest.address.AllowList;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every server here listens on 127.0.0.1 and is the one host allowed; other host names resolve only
 * through a table, and the sockets connect to loopback only, whatever the guard says.
 */
class HttpFetcherTest {
  private static final byte[] PAGE =
      "<html><body><p>منظمة التعاون الاقتصادي</p></body></html>".getBytes(StandardCharsets.UTF_8);

  private final LocalServer server;
  private final List<Duration> sleeps = new ArrayList<>();
  private final AddressGuard.Resolver resolver =
      host -> {
        if (host.equals("127.0.0.1")) {
          return List.of(InetAddress.getByName("127.0.0.1"));
        }
        if (host.equals("internal.invalid")) {
          return List.of(InetAddress.getByName("10.0.0.5"));
        }
        if (host.equals("news.test")) {
          return List.of(InetAddress.getByName("127.0.0.1"));
        }
        throw new UnknownHostException(host);
      };
  private final LoopbackSockets sockets = new LoopbackSockets();
  private final HttpFetcher fetcher;

  HttpFetcherTest() throws Exception {
    server = new LocalServer();
    fetcher = fetcher(resolver);
  }

  private HttpFetcher fetcher(AddressGuard.Resolver names) {
    return new HttpFetcher(
        FetchSettings.builder()
            .maxBytes(1024 * 1024)
            .totalTimeout(Duration.ofSeconds(2))
            .initialBackoff(Duration.ofMillis(100))
            .build(),
        new AddressGuard(names, AllowList.parse("127.0.0.1:" + server.uri("/").getPort())),
        RequestGate.OPEN,
        Clock.systemUTC(),
        sleeps::add,
        sockets);
  }

  @AfterEach
  void stop() {
    server.close();
    fetcher.close();
  }

  @Test
  void fetchesAPage() throws Exception {
    server.on("/a", ex -> LocalServer.respond(ex, 200, "text/html; charset=utf-8", PAGE));

    FetchResult.Page page =
        assertInstanceOf(
            FetchResult.Page.class, fetcher.fetch(server.uri("/a"), HttpFetcher.PAGE_TYPES));

    assertEquals("<html><body><p>منظمة التعاون الاقتصادي</p></body></html>", page.text());
  }

  @Test
  void serverErrorIsRetriedUntilSuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/flaky",
        ex -> LocalServer.respond(ex, calls.incrementAndGet() == 1 ? 500 : 200, "text/html", PAGE));

    FetchResult result = fetcher.fetch(server.uri("/flaky"), HttpFetcher.PAGE_TYPES);

    assertEquals(Outcome.FETCHED, result.outcome());
    assertEquals(2, calls.get());
    assertEquals(1, sleeps.size());
  }

  @Test
  void backoffWaitsBetweenHalfAndAllOfADelayThatDoublesUpToTheMaximum() {
    HttpFetcher slow =
        new HttpFetcher(
            FetchSettings.builder()
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(1000))
                .build(),
            new AddressGuard(resolver, AllowList.NONE),
            RequestGate.OPEN,
            Clock.systemUTC(),
            sleeps::add,
            sockets);
    // The delay per attempt: 100, 200, 400, 800 ms, then the 1000 ms maximum from there on.
    long[] delays = {100, 200, 400, 800, 1000, 1000, 1000};
    try (slow) {
      for (int attempt = 1; attempt <= delays.length + 30; attempt++) {
        long delay = delays[Math.min(attempt, delays.length) - 1];
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int draw = 0; draw < 1000; draw++) {
          long wait = slow.backoff(attempt, Optional.empty()).toMillis();
          shortest = Math.min(shortest, wait);
          longest = Math.max(longest, wait);
        }
        assertTrue(
            shortest >= delay / 2 && longest <= delay,
            "attempt " + attempt + ": waits " + shortest + ".." + longest + " ms");
        // Spread over the range, not stuck at one end (failing this by chance: below 1e-100).
        assertTrue(
            shortest < delay / 2 + delay / 8 && longest > delay - delay / 8,
            "attempt " + attempt + ": waits " + shortest + ".." + longest + " ms");
      }
    }
  }

  @Test
  void backoffTakesRetryAfterAsGivenUpToTheMaximum() {
    assertEquals(Duration.ofSeconds(7), fetcher.backoff(3, Optional.of(Duration.ofSeconds(7))));
    assertEquals(Duration.ofSeconds(60), fetcher.backoff(1, Optional.of(Duration.ofHours(1))));
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/busy",
        ex -> {
          if (calls.incrementAndGet() == 1) {
            ex.getResponseHeaders().set("Retry-After", "7");
            LocalServer.respond(ex, 429, "text/plain", new byte[0]);
          } else {
            LocalServer.respond(ex, 200, "text/html", PAGE);
          }
        });

    assertEquals(
        Outcome.FETCHED, fetcher.fetch(server.uri("/busy"), HttpFetcher.PAGE_TYPES).outcome());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
  }

  @Test
  void notFoundIsNotRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/gone",
        ex -> {
          calls.incrementAndGet();
          LocalServer.respond(ex, 404, "text/html", PAGE);
        });

    FetchResult.Failed failed =
        assertInstanceOf(
            FetchResult.Failed.class, fetcher.fetch(server.uri("/gone"), HttpFetcher.PAGE_TYPES));

    assertEquals(404, failed.status());
    assertEquals(1, calls.get());
  }

  @Test
  void redirectLoopStopsAfterFiveHops() throws Exception {
    AtomicInteger hops = new AtomicInteger();
    server.on(
        "/loop",
        ex -> {
          hops.incrementAndGet();
          ex.getResponseHeaders().set("Location", "/loop?n=" + hops.get());
          LocalServer.respond(ex, 302, null, new byte[0]);
        });

    FetchResult result = fetcher.fetch(server.uri("/loop"), HttpFetcher.PAGE_TYPES);

    assertEquals(Outcome.TOO_MANY_REDIRECTS, result.outcome());
    assertEquals(6, hops.get());
  }

  @Test
  void aKeptAliveConnectionTheServerClosedMeanwhileIsNotAFailure() throws Exception {
    // A server that answers with keep-alive, then closes each connection 100 ms later, as servers
    // close idle ones.
    AtomicInteger connections = new AtomicInteger();
    try (java.net.ServerSocket closing =
        new java.net.ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!closing.isClosed()) {
                  try (java.net.Socket socket = closing.accept()) {
                    connections.incrementAndGet();
                    java.io.BufferedReader in =
                        new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); ) {
                      line = in.readLine();
                    }
                    socket
                        .getOutputStream()
                        .write(
                            ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                    + "Content-Length: "
                                    + PAGE.length
                                    + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().write(PAGE);
                    socket.getOutputStream().flush();
                    Thread.sleep(100);
                  } catch (java.io.IOException | InterruptedException e) {
                    return;
                  }
                }
              });
      int port = closing.getLocalPort();
      HttpFetcher once =
          new HttpFetcher(
              FetchSettings.builder().maxAttempts(1).build(),
              new AddressGuard(resolver, AllowList.parse("127.0.0.1:" + port)),
              RequestGate.OPEN,
              Clock.systemUTC(),
              sleeps::add,
              sockets);
      java.net.URI page = java.net.URI.create("http://127.0.0.1:" + port + "/again");
      try (once) {
        assertEquals(Outcome.FETCHED, once.fetch(page, HttpFetcher.PAGE_TYPES).outcome());
        Thread.sleep(1500);

        FetchResult second = once.fetch(page, HttpFetcher.PAGE_TYPES);

        assertEquals(Outcome.FETCHED, second.outcome(), second.toString());
        assertEquals(2, connections.get());
      }
    }
  }

  @Test
  void aLinkStraightToADocumentationAddressIsRefusedBeforeConnecting() throws Exception {
    FetchResult.Failed failed =
        assertInstanceOf(
            FetchResult.Failed.class,
            fetcher.fetch(
                java.net.URI.create("http://192.0.2.1/news.html"), HttpFetcher.PAGE_TYPES));

    assertEquals(Outcome.ADDRESS_BLOCKED, failed.outcome());
    assertEquals(
        "documentation (TEST-NET-1) address 192.0.2.1, port 80, not in KHABAR_INGEST_ALLOW_PRIVATE",
        failed.reason());
    assertEquals(List.of(), sockets.attempts());
  }

  @Test
  void redirectToAPrivateAddressIsRefusedBeforeConnecting() throws Exception {
    server.on(
        "/evil",
        ex -> {
          ex.getResponseHeaders().set("Location", "http://internal.invalid/admin");
          LocalServer.respond(ex, 301, null, new byte[0]);
        });

    FetchResult.Failed failed =
        assertInstanceOf(
            FetchResult.Failed.class, fetcher.fetch(server.uri("/evil"), HttpFetcher.PAGE_TYPES));

    assertEquals(Outcome.ADDRESS_BLOCKED, failed.outcome());
    assertEquals(
        "internal.invalid resolves to private address 10.0.0.5, port 80,"
            + " not in KHABAR_INGEST_ALLOW_PRIVATE",
        failed.reason());
  }

  @Test
  void redirectToAnotherLoopbackAddressIsRefusedWhenOnlyOneHostIsAllowed() throws Exception {
    int port = server.uri("/").getPort();
    server.on(
        "/elsewhere",
        ex -> {
          ex.getResponseHeaders().set("Location", "http://127.0.0.2:" + port + "/admin");
          LocalServer.respond(ex, 302, null, new byte[0]);
        });

    FetchResult.Failed failed =
        assertInstanceOf(
            FetchResult.Failed.class,
            fetcher.fetch(server.uri("/elsewhere"), HttpFetcher.PAGE_TYPES));

    assertEquals(Outcome.ADDRESS_BLOCKED, failed.outcome());
    assertEquals(
        "loopback address 127.0.0.2, port " + port + ", not in KHABAR_INGEST_ALLOW_PRIVATE",
        failed.reason());
    assertEquals(List.of(new InetSocketAddress("127.0.0.1", port)), sockets.attempts());
  }

  @Test
  void redirectToAnotherPortOfTheAllowedHostIsRefused() throws Exception {
    server.on(
        "/other-port",
        ex -> {
          ex.getResponseHeaders().set("Location", "http://127.0.0.1:9/admin");
          LocalServer.respond(ex, 302, null, new byte[0]);
        });

    assertEquals(
        Outcome.ADDRESS_BLOCKED,
        fetcher.fetch(server.uri("/other-port"), HttpFetcher.PAGE_TYPES).outcome());
    assertEquals(1, sockets.attempts().size());
  }

  @Test
  void theConnectionGoesToTheCheckedAddressWithTheHostNameKept() throws Exception {
    List<String> hostHeaders = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.on(
        "/named",
        ex -> {
          hostHeaders.add(ex.getRequestHeaders().getFirst("Host"));
          LocalServer.respond(ex, 200, "text/html; charset=utf-8", PAGE);
        });
    int port = server.uri("/").getPort();

    FetchResult result =
        fetcher.fetch(
            java.net.URI.create("http://news.test:" + port + "/named"), HttpFetcher.PAGE_TYPES);

    assertEquals(Outcome.FETCHED, result.outcome());
    assertEquals(List.of("news.test:" + port), hostHeaders);
    assertEquals(List.of(new InetSocketAddress("127.0.0.1", port)), sockets.attempts());
  }

  @Test
  void aNameThatRebindsBetweenLookupsIsLookedUpOnceAndConnectedToAsChecked() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    // Public at the first answer, loopback from the second on: the classic rebinding attack.
    AddressGuard.Resolver rebinding =
        host ->
            List.of(
                InetAddress.getByName(
                    lookups.incrementAndGet() == 1 ? "93.184.216.34" : "127.0.0.2"));
    AtomicInteger served = new AtomicInteger();
    server.on(
        "/secret",
        ex -> {
          served.incrementAndGet();
          LocalServer.respond(ex, 200, "text/html", PAGE);
        });
    int port = server.uri("/").getPort();

    FetchResult result;
    try (HttpFetcher rebound = fetcher(rebinding)) {
      result =
          rebound.fetch(
              java.net.URI.create("http://rebind.test:" + port + "/secret"),
              HttpFetcher.PAGE_TYPES);
    }

    // The first attempt connects where its lookup said (the test's sockets refuse it); the retry
    // looks the name up again and the guard refuses the loopback answer before any connection.
    assertEquals(Outcome.ADDRESS_BLOCKED, result.outcome());
    assertEquals(2, lookups.get());
    assertEquals(List.of(new InetSocketAddress("93.184.216.34", port)), sockets.attempts());
    assertEquals(0, served.get());
  }

  @Test
  void gzipBombIsStoppedAtTheSizeCap() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1024 * 1024];
      Arrays.fill(zeros, (byte) ' ');
      for (int i = 0; i < 50; i++) {
        gzip.write(zeros); // 50 MB of spaces, ~50 KB on the wire
      }
    }
    server.on(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          LocalServer.respond(ex, 200, "text/html", compressed.toByteArray());
        });

    assertEquals(
        Outcome.TOO_LARGE, fetcher.fetch(server.uri("/bomb"), HttpFetcher.PAGE_TYPES).outcome());
  }

  @Test
  void gzipPageIsDecoded() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(PAGE);
    }
    server.on(
        "/gz",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          LocalServer.respond(ex, 200, "text/html; charset=utf-8", compressed.toByteArray());
        });

    FetchResult.Page page =
        assertInstanceOf(
            FetchResult.Page.class, fetcher.fetch(server.uri("/gz"), HttpFetcher.PAGE_TYPES));
    assertTrue(page.text().contains("منظمة التعاون الاقتصادي"));
  }

  @Test
  void pageLargerThanTheCapIsAbortedNotBuffered() throws Exception {
    byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
    Arrays.fill(twentyMegabytes, (byte) 'a');
    server.on("/huge", ex -> LocalServer.respond(ex, 200, "text/html", twentyMegabytes));

    assertEquals(
        Outcome.TOO_LARGE, fetcher.fetch(server.uri("/huge"), HttpFetcher.PAGE_TYPES).outcome());
  }

  @Test
  void binaryServedAsHtmlIsRejected() throws Exception {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0
    };
    server.on("/image", ex -> LocalServer.respond(ex, 200, "text/html", png));

    assertEquals(
        Outcome.WRONG_TYPE, fetcher.fetch(server.uri("/image"), HttpFetcher.PAGE_TYPES).outcome());
  }

  @Test
  void wrongContentTypeIsRejected() throws Exception {
    server.on("/pdf", ex -> LocalServer.respond(ex, 200, "application/pdf", PAGE));

    assertEquals(
        Outcome.WRONG_TYPE, fetcher.fetch(server.uri("/pdf"), HttpFetcher.PAGE_TYPES).outcome());
  }

  @Test
  void windows1256PageWithoutHeaderCharsetComesOutAsUnicode() throws Exception {
    String html =
        "<html><body><p>قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة التعاون"
            + " الاقتصادي معرضة لخطر الأمن السيبراني.</p></body></html>";
    server.on(
        "/cp1256",
        ex ->
            LocalServer.respond(
                ex, 200, "text/html", html.getBytes(Charset.forName("windows-1256"))));

    FetchResult.Page page =
        assertInstanceOf(
            FetchResult.Page.class, fetcher.fetch(server.uri("/cp1256"), HttpFetcher.PAGE_TYPES));

    assertEquals(html, page.text());
    assertEquals("windows-1256", page.charset().name());
  }

  @Test
  void slowServerTimesOutAndIsRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/slow",
        ex -> {
          if (calls.incrementAndGet() == 1) {
            try {
              Thread.sleep(4000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          LocalServer.respond(ex, 200, "text/html", PAGE);
        });

    assertEquals(
        Outcome.FETCHED, fetcher.fetch(server.uri("/slow"), HttpFetcher.PAGE_TYPES).outcome());
    assertTrue(calls.get() >= 2);
  }

  @Test
  void conditionalGetAnswersNotModified() throws Exception {
    server.on(
        "/feed",
        ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            LocalServer.respond(ex, 304, null, new byte[0]);
          } else {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            LocalServer.respond(
                ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
          }
        });

    FetchResult.Page first =
        assertInstanceOf(
            FetchResult.Page.class, fetcher.fetch(server.uri("/feed"), HttpFetcher.FEED_TYPES));
    FetchResult second =
        fetcher.fetch(
            server.uri("/feed"),
            HttpFetcher.FEED_TYPES,
            new HttpFetcher.Validators(first.etag(), first.lastModified()));

    assertEquals(Outcome.NOT_MODIFIED, second.outcome());
  }
}
