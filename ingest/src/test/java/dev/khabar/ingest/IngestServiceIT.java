package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.contract.ReadmeContract;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.StageHistograms;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.StaticSite;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.address.AddressGuard;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler against a loopback site and the real broker. */
class IngestServiceIT {
  /**
   * 127.0.0.1 is itself; the one other name resolves, through this table only, to a private
   * address.
   */
  private static final AddressGuard.Resolver RESOLVER =
      host -> {
        if (host.equals("127.0.0.1")) {
          return List.of(InetAddress.getByName("127.0.0.1"));
        }
        if (host.equals("intranet.invalid")) {
          return List.of(InetAddress.getByName("10.0.0.7"));
        }
        throw new UnknownHostException(host);
      };

  @TempDir Path root;

  @Test
  void publishesEachArticleOnceAcrossARestartAndDeadLettersWhatItCannotFetch() throws Exception {
    page(
        "a1.html",
        "<html><head><title>الأول</title></head><body><p>منظمة التعاون الاقتصادي</p></body></html>");
    page(
        "a2.html",
        "<html><head><link rel=\"canonical\" href=\"{{base}}/a2.html\"></head><body><p>Trade</p></body></html>");
    page("blocked/secret.html", "<html><body>secret</body></html>");
    Files.writeString(root.resolve("robots.txt"), "User-agent: *\nDisallow: /blocked/\n");
    Files.writeString(
        root.resolve("feed.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
        <item><link>{{base}}/a1.html</link></item>
        <item><link>{{base}}/a1.html?utm_source=rss&amp;utm_medium=feed</link></item>
        <item><link>{{base}}/a2.html#top</link></item>
        <item><link>{{base}}/blocked/secret.html</link></item>
        <item><link>{{base}}/missing.html</link></item>
        <item><link>{{base}}/to-intranet</link></item>
        </channel></rss>
        """);
    Files.writeString(root.resolve("broken.xml"), "<rss><channel><item><link>");
    String topicSuffix = "-it-" + System.nanoTime();
    try (StaticSite site = StaticSite.builder().root(root).build().start()) {
      site.handle(
          "/to-intranet",
          exchange -> {
            exchange.getResponseHeaders().set("Location", "http://intranet.invalid/admin");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
          });
      // Only 127.0.0.1 at the site's port is allowed: another loopback address, linked or
      // redirected to, is refused like any address that is not public.
      String elsewhere = "http://127.0.0.2:" + site.port();
      site.handle(
          "/to-loopback2",
          exchange -> {
            exchange.getResponseHeaders().set("Location", elsewhere + "/a1.html");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
          });
      Path feed = root.resolve("feed.xml");
      Files.writeString(
          feed,
          Files.readString(feed)
              .replace(
                  "</channel>",
                  "<item><link>"
                      + elsewhere
                      + "/a2.html</link></item>"
                      + "<item><link>{{base}}/to-loopback2</link></item></channel>"));
      Map<String, String> env = env(site, topicSuffix);
      String bootstrap = SharedServices.kafka().bootstrapServers();

      try (IngestService first = new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        first.start();
        List<ConsumerRecord<byte[], byte[]>> pages =
            TopicReader.read(
                bootstrap,
                "khabar.pages.raw" + topicSuffix,
                2,
                Duration.ofSeconds(60),
                Duration.ofSeconds(2));
        assertEquals(
            Set.of(site.baseUrl() + "/a1.html", site.baseUrl() + "/a2.html"),
            pages.stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet()));
        assertEquals(2, pages.size());
        RawPage a1 =
            Json.fromBytes(
                pages.stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).endsWith("a1.html"))
                    .findFirst()
                    .orElseThrow()
                    .value(),
                RawPage.class);
        assertTrue(a1.html().contains("منظمة التعاون الاقتصادي"));
        assertEquals("feed-1", a1.sourceId());
        assertEquals(
            ReadmeContract.fieldNames(ReadmeContract.example("raw-page")),
            ReadmeContract.fieldNames(new String(pages.get(0).value(), StandardCharsets.UTF_8)),
            "published pages have exactly the README's fields");
        StageHistograms.Stage fetchToPublished =
            StageHistograms.scrape(URI.create("http://127.0.0.1:" + first.httpPort() + "/metrics"))
                .stage("fetch_to_published");
        assertEquals(2, fetchToPublished.count(), "one span per published page, none per failure");
        assertTrue(fetchToPublished.max() > 0, "a page is published after it is fetched");
      }

      List<ConsumerRecord<byte[], byte[]>> failures =
          TopicReader.read(
              bootstrap,
              "khabar.ingest.dlq" + topicSuffix,
              5,
              Duration.ofSeconds(30),
              Duration.ofSeconds(1));
      Map<String, String> outcomeByUrl =
          failures.stream()
              .collect(
                  Collectors.toMap(
                      r -> new String(r.key(), StandardCharsets.UTF_8),
                      r ->
                          new String(
                              r.headers().lastHeader("khabar.error.outcome").value(),
                              StandardCharsets.UTF_8),
                      (a, b) -> a));
      assertEquals(
          "address_blocked", outcomeByUrl.get(elsewhere + "/a2.html"), outcomeByUrl.toString());
      assertEquals(
          "address_blocked",
          outcomeByUrl.get(site.baseUrl() + "/to-loopback2"),
          outcomeByUrl.toString());
      Set<String> outcomes =
          failures.stream()
              .map(
                  r ->
                      new String(
                          r.headers().lastHeader("khabar.error.outcome").value(),
                          StandardCharsets.UTF_8))
              .collect(Collectors.toSet());
      assertTrue(
          outcomes.containsAll(Set.of("http_error", "address_blocked", "malformed_source")),
          outcomes.toString());

      try (IngestService second = new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        second.start();
        Thread.sleep(4000); // several polls of the feed
      }
      assertEquals(
          2,
          TopicReader.read(
                  bootstrap,
                  "khabar.pages.raw" + topicSuffix,
                  2,
                  Duration.ofSeconds(10),
                  Duration.ofSeconds(2))
              .size(),
          "a restarted crawler publishes nothing twice");
    }
  }

  private Map<String, String> env(StaticSite site, String suffix) {
    Map<String, String> env = IsolatedIngest.env(suffix);
    env.put("KHABAR_INGEST_TRANSACTIONAL_ID", "khabar-ingest" + suffix);
    env.put("KHABAR_INGEST_FEEDS", site.baseUrl() + "/feed.xml," + site.baseUrl() + "/broken.xml");
    env.put("KHABAR_INGEST_ALLOW_PRIVATE", URI.create(site.baseUrl()).getAuthority());
    env.put("KHABAR_INGEST_DELAY", "0s");
    env.put("KHABAR_INGEST_MIN_POLL", "500ms");
    env.put("KHABAR_INGEST_MAX_POLL", "1s");
    env.put("KHABAR_INGEST_MAX_ATTEMPTS", "1");
    env.put("KHABAR_HTTP_PORT", "0");
    return env;
  }

  private void page(String path, String html) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, html);
  }

  @Test
  void crawlerStoppedMidCrawlResumesWithoutFetchingOrPublishingAnyPageTwice() throws Exception {
    Map<String, AtomicInteger> requests = writeSite(40);
    String suffix = "-restart-" + System.nanoTime();
    try (StaticSite site = countingSite(requests)) {
      Map<String, String> env = politeCrawlOf(site, suffix);
      String bootstrap = SharedServices.kafka().bootstrapServers();
      String raw = "khabar.pages.raw" + suffix;

      try (IngestService first = new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        first.start();
        TopicReader.read(bootstrap, raw, 10, Duration.ofSeconds(60), Duration.ZERO);
      }
      try (IngestService second = new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        second.start();
        List<ConsumerRecord<byte[], byte[]>> pages =
            TopicReader.read(bootstrap, raw, 40, Duration.ofSeconds(60), Duration.ofSeconds(3));

        assertEquals(40, pages.size(), "every page once");
        assertEquals(
            40,
            pages.stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .distinct()
                .count());
      }
      for (int i = 1; i <= 40; i++) {
        assertEquals(1, requests.get("/p" + i + ".html").get(), "requests of /p" + i + ".html");
      }
    }
  }

  @Test
  void brokerDownMidCrawlLosesNoPage() throws Exception {
    Map<String, AtomicInteger> requests = writeSite(30);
    String suffix = "-kafka-down-" + System.nanoTime();
    try (StaticSite site = countingSite(requests)) {
      Map<String, String> env = politeCrawlOf(site, suffix);
      String bootstrap = SharedServices.kafka().bootstrapServers();
      String raw = "khabar.pages.raw" + suffix;

      try (IngestService service =
          new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        service.start();
        TopicReader.read(bootstrap, raw, 5, Duration.ofSeconds(60), Duration.ZERO);
        SharedServices.kafka().stop();
        Thread.sleep(5000); // the crawler keeps fetching; its pages wait in the publisher
        SharedServices.kafka().start();
        List<ConsumerRecord<byte[], byte[]>> pages =
            TopicReader.read(bootstrap, raw, 30, Duration.ofSeconds(120), Duration.ofSeconds(3));

        assertEquals(30, pages.size());
        assertEquals(
            30,
            pages.stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                .distinct()
                .count());
      } finally {
        SharedServices.kafka().start();
      }
    }
  }

  /**
   * One feed, 100 ms between requests: a crawl that takes seconds, so things can happen during it.
   */
  private Map<String, String> politeCrawlOf(StaticSite site, String suffix) {
    Map<String, String> env = env(site, suffix);
    env.put("KHABAR_INGEST_FEEDS", site.baseUrl() + "/feed.xml");
    env.put("KHABAR_INGEST_DELAY", "100ms");
    return env;
  }

  /** A feed of {@code count} pages under the temp root; returns request counters per path. */
  private Map<String, AtomicInteger> writeSite(int count) throws Exception {
    StringBuilder feed =
        new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
    Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    for (int i = 1; i <= count; i++) {
      page("p" + i + ".html", "<html><body><p>الخبر رقم " + i + "</p></body></html>");
      feed.append("<item><link>{{base}}/p").append(i).append(".html</link></item>");
      requests.put("/p" + i + ".html", new AtomicInteger());
    }
    Files.writeString(root.resolve("feed.xml"), feed.append("</channel></rss>").toString());
    return requests;
  }

  private StaticSite countingSite(Map<String, AtomicInteger> requests) {
    StaticSite site = StaticSite.builder().root(root).build().start();
    for (String path : requests.keySet()) {
      byte[] body = readUnchecked(root.resolve(path.substring(1)));
      site.handle(
          path,
          exchange -> {
            requests.get(path).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
    }
    return site;
  }

  private static byte[] readUnchecked(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** When a request reached the site, and for which path. */
  private record Arrival(long nanos, String path) {}

  @Test
  void everyRequestToTheSiteWaitsItsCrawlDelayRetriesAndRedirectHopsIncluded() throws Exception {
    List<Arrival> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger flaky = new AtomicInteger();
    String suffix = "-polite-" + System.nanoTime();
    try (StaticSite site = StaticSite.builder().root(root).build().start()) {
      String feed =
          "<rss version=\"2.0\"><channel><title>t</title>"
              + "<item><link>"
              + site.baseUrl()
              + "/flaky.html</link></item><item><link>"
              + site.baseUrl()
              + "/hop.html</link></item></channel></rss>";
      byte[] page =
          "<html><body><p>منظمة التعاون الاقتصادي</p></body></html>"
              .getBytes(StandardCharsets.UTF_8);
      record(
          site,
          arrivals,
          "/feed.xml",
          200,
          null,
          "application/rss+xml",
          feed.getBytes(StandardCharsets.UTF_8));
      record(
          site,
          arrivals,
          "/robots.txt",
          200,
          null,
          "text/plain",
          "User-agent: *\nCrawl-delay: 1\n".getBytes(StandardCharsets.UTF_8));
      site.handle(
          "/flaky.html",
          exchange -> {
            arrivals.add(new Arrival(System.nanoTime(), "/flaky.html"));
            int status = flaky.incrementAndGet() == 1 ? 503 : 200;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
          });
      record(site, arrivals, "/hop.html", 302, "/hop2.html", "text/html", new byte[0]);
      record(site, arrivals, "/hop2.html", 200, null, "text/html; charset=utf-8", page);
      Map<String, String> env = env(site, suffix);
      env.put("KHABAR_INGEST_FEEDS", site.baseUrl() + "/feed.xml");
      env.put("KHABAR_INGEST_MAX_ATTEMPTS", "2");

      try (IngestService service =
          new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        service.start();
        TopicReader.read(
            SharedServices.kafka().bootstrapServers(),
            "khabar.pages.raw" + suffix,
            2,
            Duration.ofSeconds(60),
            Duration.ZERO);
      }
    }

    List<String> paths = arrivals.stream().map(Arrival::path).toList();
    assertEquals(2, paths.stream().filter("/flaky.html"::equals).count(), paths.toString());
    assertEquals(1, paths.stream().filter("/hop2.html"::equals).count(), paths.toString());
    int robots = paths.indexOf("/robots.txt");
    assertTrue(robots >= 0, paths.toString());
    // From the moment robots.txt asked for 1 s, every request waited its turn: feeds, retries and
    // redirect hops alike.
    for (int i = robots + 1; i < arrivals.size(); i++) {
      long gap = (arrivals.get(i).nanos() - arrivals.get(i - 1).nanos()) / 1_000_000;
      assertTrue(
          gap >= 995,
          paths.get(i) + " came " + gap + " ms after " + paths.get(i - 1) + " in " + paths);
    }
  }

  private static void record(
      StaticSite site,
      List<Arrival> arrivals,
      String path,
      int status,
      @org.jspecify.annotations.Nullable String location,
      String type,
      byte[] body) {
    site.handle(
        path,
        exchange -> {
          arrivals.add(new Arrival(System.nanoTime(), path));
          if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
          }
          exchange.getResponseHeaders().set("Content-Type", type);
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
  }

  @Test
  void refetchPublishesAnUpdatedArticleAgainAndAnUnchangedOneNot() throws Exception {
    Files.writeString(
        root.resolve("feed.xml"),
        "<rss version=\"2.0\"><channel><title>t</title><item><link>{{base}}/live.html</link></item></channel></rss>");
    AtomicInteger requests = new AtomicInteger();
    String suffix = "-refetch-" + System.nanoTime();
    try (StaticSite site = StaticSite.builder().root(root).build().start()) {
      site.handle(
          "/live.html",
          exchange -> {
            // First version, then a correction that stays.
            String text =
                requests.incrementAndGet() == 1
                    ? "الحصيلة الأولى: ثلاثة جرحى"
                    : "الحصيلة المحدثة: خمسة جرحى";
            byte[] body =
                ("<html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      Map<String, String> env = env(site, suffix);
      env.put("KHABAR_INGEST_FEEDS", site.baseUrl() + "/feed.xml");
      env.put("KHABAR_INGEST_REFETCH_COUNT", "2");
      env.put("KHABAR_INGEST_REFETCH_WINDOW", "2s");
      String bootstrap = SharedServices.kafka().bootstrapServers();

      try (IngestService service =
          new IngestService(IngestConfig.fromEnv(new Env(env)), RESOLVER)) {
        service.start();
        List<ConsumerRecord<byte[], byte[]>> pages =
            TopicReader.read(
                bootstrap,
                "khabar.pages.raw" + suffix,
                2,
                Duration.ofSeconds(60),
                Duration.ofSeconds(3));

        assertEquals(3, requests.get(), "one fetch and two re-fetches");
        assertEquals(2, pages.size(), "the unchanged second re-fetch is not published");
        assertTrue(
            Json.fromBytes(pages.get(1).value(), RawPage.class).html().contains("خمسة جرحى"));
        assertTrue(
            Json.fromBytes(pages.get(1).value(), RawPage.class)
                .fetchedAt()
                .isAfter(Json.fromBytes(pages.get(0).value(), RawPage.class).fetchedAt()));
      }
    }
  }
}
