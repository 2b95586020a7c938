package dev.khabar.e2e.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.khabar.common.service.StageHistograms;
import dev.khabar.embedded.EmbeddedElasticsearch;
import dev.khabar.embedded.EmbeddedKafka;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline under a steady stream of news: embedded Kafka and Elasticsearch in this JVM, a
 * local site of several hosts whose feeds publish new articles every second, and the three services
 * as separate JVMs (the jars of {@code ./khabar build}), stopped and killed in turn mid-run. The
 * site starts publishing once all three services are ready, so the schedule never counts their
 * start. It reports articles/s end to end; publication to searchable and fetch to searchable (p50,
 * p95, max), measured from outside; each service's stage histograms read from its {@code /metrics};
 * both for the steady state (before the first restart) and for each restart's window, apart; each
 * service's peak resident memory; and whether the index ends with exactly one document per article.
 *
 * <p>Run with {@code ./khabar bench-soak [SECONDS] [ARTICLES-PER-SECOND]}; a benchmark, not a test.
 */
public final class SoakBench {
  private static final int HOSTS = 8;

  /**
   * The restarts, as in an operator's bad day: at a share of the run, a service stopped (SIGTERM)
   * or killed (SIGKILL), then started again under the same instance name.
   */
  private static final List<Restart> RESTARTS =
      List.of(
          new Restart(0.25, "enrich", false),
          new Restart(0.45, "indexer", true),
          new Restart(0.65, "enrich", true),
          new Restart(0.80, "ingest", false));

  private static final List<String> STAGES =
      List.of(
          "fetch_to_published",
          "published_to_enriched",
          "enriched_to_indexed",
          "indexed_to_searchable");

  private record Restart(double at, String service, boolean kill) {
    String label() {
      return service + (kill ? " killed" : " stopped");
    }
  }

  /** When the site started publishing; until then (while it is {@code MAX}) its feeds are empty. */
  private static volatile Instant publishingSince = Instant.MAX;

  private static final Path ROOT = projectRoot();

  /** The directory with the {@code khabar} launcher: the working directory or one above it. */
  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("khabar")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run from the Khabar project directory");
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
    int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path data = Files.createTempDirectory("khabar-soak");
    double perHost = perSecond / (double) HOSTS;
    List<String> feeds = new ArrayList<>();
    List<HttpServer> servers = new ArrayList<>();
    for (int h = 0; h < HOSTS; h++) {
      servers.add(site(h, seconds, perHost, feeds));
    }
    int expected = HOSTS * (int) Math.floor(seconds * perHost);

    try (EmbeddedKafka kafka =
            EmbeddedKafka.builder().logDir(data.resolve("kafka")).build().start();
        EmbeddedElasticsearch elasticsearch =
            EmbeddedElasticsearch.builder().dataDir(data.resolve("es")).build().start();
        ElasticsearchClient client =
            ElasticsearchClients.create(EsSettings.of(elasticsearch.httpUrl()))) {
      Map<String, String> common = new HashMap<>();
      common.put("KHABAR_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
      common.put("KHABAR_ES_URL", elasticsearch.httpUrl());
      common.put("KHABAR_TOPIC_PARTITIONS", "3");
      Map<String, String> ingestEnv = new HashMap<>(common);
      ingestEnv.put("KHABAR_INSTANCE_ID", "soak-ingest");
      ingestEnv.put("KHABAR_INGEST_FEEDS", String.join(",", feeds));
      // Each host of the local site by address and port, and nothing else.
      ingestEnv.put(
          "KHABAR_INGEST_ALLOW_PRIVATE",
          String.join(",", feeds.stream().map(f -> URI.create(f).getAuthority()).toList()));
      ingestEnv.put("KHABAR_INGEST_DELAY", "0s");
      ingestEnv.put("KHABAR_INGEST_MIN_POLL", "1s");
      ingestEnv.put("KHABAR_INGEST_MAX_POLL", "2s");
      Map<String, String> enrichEnv = new HashMap<>(common);
      enrichEnv.put("KHABAR_INSTANCE_ID", "soak-enrich");
      enrichEnv.put("KHABAR_ENRICH_STATE_DIR", data.resolve("enrich").toString());
      Map<String, ServiceProcess> services = new LinkedHashMap<>();
      services.put(
          "ingest",
          new ServiceProcess("ingest", "dev.khabar.ingest.IngestService", ingestEnv, data));
      services.put(
          "enrich",
          new ServiceProcess("enrich", "dev.khabar.enrich.EnrichService", enrichEnv, data));
      services.put(
          "indexer",
          new ServiceProcess(
              "indexer",
              "dev.khabar.indexer.IndexerService",
              withInstance(common, "soak-indexer"),
              data));
      for (ServiceProcess service : services.values()) {
        service.start();
      }
      for (ServiceProcess service : services.values()) {
        service.awaitReady(Duration.ofMinutes(5));
      }
      // The schedule starts now: the services' start (Kafka, Elasticsearch, topics, models) is
      // not part of what an article waits for.
      Instant start = Instant.now();
      publishingSince = start;
      Map<String, StageHistograms> previous = new HashMap<>();
      services.keySet().forEach(name -> previous.put(name, StageHistograms.empty()));
      // Window 0 is the steady state, window i the time from the i-th restart to the next one; an
      // article or a stage's record counts in the window in which it got through.
      List<String> windows = new ArrayList<>(List.of("steady state"));
      List<Instant> windowStarts = new ArrayList<>(List.of(start));
      List<Map<String, StageHistograms>> stageWindows = new ArrayList<>();

      Map<String, Double> fetchLatencies = new HashMap<>();
      Map<String, Double> publicationLatencies = new HashMap<>();
      Map<String, Instant> publicationTimes = new HashMap<>();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      // After the site stops publishing, wait while articles still arrive (a backlog drains),
      // until none has arrived for a minute.
      long lastArrival = System.nanoTime();
      int seen = 0;
      int restarted = 0;
      ExecutorService restarter = Executors.newSingleThreadExecutor();
      Future<?> restarting = CompletableFuture.completedFuture(null);
      while (System.nanoTime() < end
          || System.nanoTime() - lastArrival < Duration.ofSeconds(60).toNanos()) {
        Thread.sleep(500);
        collect(client, start, perHost, fetchLatencies, publicationLatencies, publicationTimes);
        if (fetchLatencies.size() > seen) {
          seen = fetchLatencies.size();
          lastArrival = System.nanoTime();
        }
        double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        if (restarted < RESTARTS.size() && elapsed > seconds * RESTARTS.get(restarted).at()) {
          Restart restart = RESTARTS.get(restarted++);
          restarting.get(); // the previous restart has long finished
          stageWindows.add(stageWindow(services, previous));
          windows.add(restart.label() + String.format(" at %.0f s", elapsed));
          windowStarts.add(Instant.now());
          System.out.printf("  %3.0f s: %s%n", elapsed, restart.label());
          ServiceProcess service = services.get(restart.service());
          previous.put(restart.service(), StageHistograms.empty());
          // On its own thread: a stop takes seconds, during which articles must still be seen
          // as they become searchable.
          restarting =
              restarter.submit(
                  () -> {
                    service.restart(restart.kill());
                    return null;
                  });
        }
        if (System.nanoTime() > end && fetchLatencies.size() >= expected) {
          break;
        }
      }
      Instant finished = Instant.now();
      restarting.get();
      restarter.shutdown();
      stageWindows.add(stageWindow(services, previous));
      for (ServiceProcess service : services.values()) {
        service.stop();
      }
      client.indices().refresh(r -> r.index("news-articles"));
      long count = client.count(c -> c.index("news-articles")).count();

      double wall = Duration.between(start, finished).toMillis() / 1000.0;
      System.out.printf(
          "soak bench: %d s of news at %d articles/s over %d hosts; %s%n",
          seconds,
          perSecond,
          HOSTS,
          String.join(
              ", ",
              RESTARTS.stream()
                  .map(r -> String.format("%s at %.0f s", r.label(), r.at() * seconds))
                  .toList()));
      System.out.printf(
          "  articles published by the site: %d; searchable: %d; documents in the index: %d (%s)%n",
          expected,
          fetchLatencies.size(),
          count,
          count == expected ? "exactly one per article" : "MISMATCH");
      System.out.printf(
          "  end to end: %.1f articles/s over %.0f s from the first publication%n",
          fetchLatencies.size() / wall, wall);
      System.out.println(
          "  from outside, by when the article became searchable (p50 / p95 / max, seconds):");
      for (int w = 0; w < windows.size(); w++) {
        Instant from = windowStarts.get(w);
        Instant to = w + 1 < windowStarts.size() ? windowStarts.get(w + 1) : Instant.MAX;
        List<Double> publication = new ArrayList<>();
        List<Double> fetch = new ArrayList<>();
        for (Map.Entry<String, Double> entry : publicationLatencies.entrySet()) {
          Instant searchable =
              publicationTimes.get(entry.getKey()).plusMillis(Math.round(1000 * entry.getValue()));
          if (!searchable.isBefore(from) && searchable.isBefore(to)) {
            publication.add(entry.getValue());
            fetch.add(fetchLatencies.get(entry.getKey()));
          }
        }
        System.out.printf(
            "    %-26s %4d articles: publication → searchable %s; fetch → searchable %s%n",
            windows.get(w), publication.size(), summary(publication), summary(fetch));
      }
      System.out.println(
          "  from the services' /metrics, by when each record passed the stage (count: p50 / p95 /"
              + " max, seconds; max is a histogram bucket's upper bound):");
      for (int w = 0; w < windows.size(); w++) {
        Map<String, StageHistograms> window = stageWindows.get(w);
        StageHistograms all = StageHistograms.empty();
        for (StageHistograms part : window.values()) {
          all = all.plus(part);
        }
        StringBuilder line = new StringBuilder(String.format("    %-26s", windows.get(w)));
        for (String stage : STAGES) {
          StageHistograms.Stage s = all.stage(stage);
          line.append(
              String.format(
                  " %s %d: %.2f / %.2f / %.2f;",
                  stage, s.count(), s.quantile(0.5), s.quantile(0.95), s.max()));
        }
        System.out.println(line);
      }
      for (ServiceProcess service : services.values()) {
        System.out.printf(
            "  %-8s peak resident memory %.0f MB%n", service.name, service.peakRssKb / 1024.0);
      }
    } finally {
      servers.forEach(server -> server.stop(0));
    }
    System.exit(0);
  }

  /**
   * Articles a host has published by {@code now}, at {@code rate} per second since publishing
   * started, for {@code seconds} at most; none before it started.
   */
  private static int published(Instant now, int seconds, double rate) {
    Instant since = publishingSince;
    if (now.isBefore(since)) {
      return 0;
    }
    double elapsed = Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    return (int) Math.floor(Math.min(elapsed, seconds) * rate);
  }

  /** Seconds from the start of publishing to the moment article {@code n} of a host appeared. */
  private static double publicationOffset(String url, double rate) {
    int n = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1, url.indexOf(".html")));
    // Article n is listed once floor(elapsed * rate) exceeds n.
    return (n + 1) / rate;
  }

  private static Map<String, String> withInstance(Map<String, String> env, String instance) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put("KHABAR_INSTANCE_ID", instance);
    return copy;
  }

  /**
   * Each service's stage histograms recorded since {@code previous} (its reading at the start of
   * the window, or empty for a process started since), then the new readings as {@code previous}.
   */
  private static Map<String, StageHistograms> stageWindow(
      Map<String, ServiceProcess> services, Map<String, StageHistograms> previous) {
    Map<String, StageHistograms> window = new LinkedHashMap<>();
    for (ServiceProcess service : services.values()) {
      StageHistograms now = service.stages();
      window.put(service.name, now.minus(previous.get(service.name)));
      previous.put(service.name, now);
    }
    return window;
  }

  private static String summary(List<Double> values) {
    if (values.isEmpty()) {
      return "none";
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return String.format(
        "%.2f / %.2f / %.2f",
        percentile(sorted, 0.50), percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
  }

  /** A host whose feed lists the articles published so far (the newest 50), like a news site. */
  private static HttpServer site(int host, int seconds, double rate, List<String> feeds)
      throws IOException {
    String ip = "127.0.0." + (host + 2);
    HttpServer server = HttpServer.create(new InetSocketAddress(ip, 0), 128);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    String base = "http://" + ip + ":" + server.getAddress().getPort();
    server.createContext(
        "/feed.xml",
        exchange -> {
          int count = published(Instant.now(), seconds, rate);
          StringBuilder feed =
              new StringBuilder(
                  "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>soak</title>");
          for (int i = count - 1; i >= Math.max(0, count - 50); i--) {
            feed.append("<item><link>")
                .append(base)
                .append("/news/")
                .append(i)
                .append(".html</link></item>");
          }
          respond(exchange, "application/rss+xml", feed.append("</channel></rss>").toString());
        });
    server.createContext(
        "/robots.txt", exchange -> respond(exchange, "text/plain", "User-agent: *\nAllow: /\n"));
    server.createContext(
        "/news/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String n = path.substring(path.lastIndexOf('/') + 1, path.indexOf(".html"));
          respond(exchange, "text/html; charset=utf-8", article(host, n));
        });
    server.start();
    feeds.add(base + "/feed.xml");
    return server;
  }

  private static String article(int host, String n) {
    StringBuilder html =
        new StringBuilder("<html lang=\"ar\"><head><title>خبر ")
            .append(n)
            .append(" - موقع ")
            .append(host)
            .append(
                "</title></head><body><nav><a href=\"/\">الرئيسية</a><a href=\"/world\">العالم</a></nav><article><h1>خبر رقم ")
            .append(n)
            .append(" من الموقع ")
            .append(host)
            .append("</h1>");
    for (int p = 0; p < 8; p++) {
      html.append(
              "<p>أعلنت وزارة الاقتصاد في طهران اليوم أن الدول الأعضاء في منظمة التعاون الاقتصادي اتفقت على المرحلة ")
          .append(n)
          .append(
              " من خطة التجارة الحرة، وقال المتحدث إن الاجتماع المقبل سيعقد في إسلام آباد خلال ")
          .append(p + 2)
          .append(" أشهر.</p>");
    }
    return html.append("</article><footer>جميع الحقوق محفوظة</footer></body></html>").toString();
  }

  private static void respond(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Records, for each document not seen before, the time from its fetch and from its publication by
   * the site to now (it is searchable now).
   */
  private static void collect(
      ElasticsearchClient client,
      Instant start,
      double perHost,
      Map<String, Double> fetchLatencies,
      Map<String, Double> publicationLatencies,
      Map<String, Instant> publicationTimes)
      throws IOException {
    if (!client.indices().existsAlias(a -> a.name("news-articles")).value()) {
      return;
    }
    Instant now = Instant.now();
    // Just created, the index answers searches with 503 until its shard has started.
    if (client.cluster().health(h -> h.index("news-articles")).status() == HealthStatus.Red) {
      return;
    }
    List<Hit<JsonNode>> hits =
        client
            .search(
                s ->
                    s.index("news-articles")
                        .size(10_000)
                        .query(q -> q.range(r -> r.date(d -> d.field("indexed_at").gte("now-30s"))))
                        .source(src -> src.filter(f -> f.includes("fetched_at", "url"))),
                JsonNode.class)
            .hits()
            .hits();
    for (Hit<JsonNode> hit : hits) {
      if (!fetchLatencies.containsKey(hit.id()) && hit.source() != null) {
        Instant fetched = Instant.parse(hit.source().path("fetched_at").asText());
        String url = hit.source().path("url").asText();
        fetchLatencies.put(hit.id(), Duration.between(fetched, now).toMillis() / 1000.0);
        Instant published = start.plusMillis(Math.round(1000 * publicationOffset(url, perHost)));
        publicationLatencies.put(hit.id(), Duration.between(published, now).toMillis() / 1000.0);
        publicationTimes.put(hit.id(), published);
      }
    }
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  /** One service as its own JVM, started from its built jar; remembers its peak resident memory. */
  private static final class ServiceProcess {
    final String name;
    final String mainClass;
    final Map<String, String> env;
    final Path logDir;
    final int port;
    volatile Process process;
    long peakRssKb;
    final java.util.concurrent.ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor();

    ServiceProcess(String name, String mainClass, Map<String, String> env, Path logDir)
        throws IOException {
      this.name = name;
      this.mainClass = mainClass;
      // A fixed port across restarts, so that /ready and /metrics are found.
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        this.port = socket.getLocalPort();
      }
      this.env = new HashMap<>(env);
      this.env.put("KHABAR_HTTP_PORT", Integer.toString(port));
      this.logDir = logDir;
      sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    void start() throws IOException {
      Path jar = ROOT.resolve(name).resolve("target").resolve("khabar-" + name + ".jar");
      if (!Files.exists(jar)) {
        throw new IllegalStateException(jar + " is missing: run ./khabar build first");
      }
      ProcessBuilder builder =
          new ProcessBuilder(
              ProcessHandle.current().info().command().orElse("java"),
              "-Xmx512m",
              "--enable-native-access=ALL-UNNAMED",
              "-cp",
              jar + ":" + jar.getParent().resolve("lib") + "/*",
              mainClass);
      builder.environment().putAll(env);
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
      process = builder.start();
    }

    /** Stops (SIGTERM) or kills (SIGKILL) the process, then starts it again. */
    void restart(boolean kill) throws Exception {
      if (kill) {
        sample();
        process.destroyForcibly().waitFor();
      } else {
        stop();
      }
      start();
    }

    /** Waits until {@code /ready} answers 200. */
    void awaitReady(Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      URI ready = URI.create("http://127.0.0.1:" + port + "/ready");
      try (HttpClient http = HttpClient.newHttpClient()) {
        while (System.nanoTime() < deadline) {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited; see " + logDir.resolve(name + ".log"));
          }
          try {
            if (http.send(HttpRequest.newBuilder(ready).build(), BodyHandlers.discarding())
                    .statusCode()
                == 200) {
              return;
            }
          } catch (IOException e) {
            // Not listening yet.
          }
          Thread.sleep(200);
        }
      }
      throw new IllegalStateException(name + " not ready after " + timeout);
    }

    /** Its stage histograms now; empty when it does not answer (just restarted). */
    StageHistograms stages() {
      try {
        return StageHistograms.scrape(URI.create("http://127.0.0.1:" + port + "/metrics"));
      } catch (IOException e) {
        System.out.printf("  (no /metrics from %s: %s)%n", name, e);
        return StageHistograms.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return StageHistograms.empty();
      }
    }

    void stop() throws InterruptedException {
      sample();
      process.destroy(); // SIGTERM: the service drains and commits
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }

    /** The process's high-water mark of resident memory (VmHWM), read from /proc. */
    synchronized void sample() {
      Process current = process;
      if (current == null || !current.isAlive()) {
        return;
      }
      try {
        for (String line :
            Files.readAllLines(Path.of("/proc", Long.toString(current.pid()), "status"))) {
          if (line.startsWith("VmHWM:")) {
            peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
      } catch (IOException | RuntimeException e) {
        // The process ended between the check and the read.
      }
    }
  }
}
