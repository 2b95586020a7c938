package dev.khabar.e2e.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.khabar.embedded.EmbeddedElasticsearch;
import dev.khabar.embedded.EmbeddedKafka;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline under a steady stream of news: embedded Kafka and Elasticsearch in this JVM, a
 * local site of several hosts whose feeds publish new articles every second, and the three services
 * as separate JVMs (the jars of {@code ./khabar build}), each restarted once mid-run. It reports
 * articles/s end to end, the latency from fetch to searchable (p50, p95), each service's peak
 * resident memory, and whether the index ends with exactly one document per article.
 *
 * <p>Run with {@code ./khabar bench-soak [SECONDS] [ARTICLES-PER-SECOND]}; a benchmark, not a test.
 */
public final class SoakBench {
  private static final int HOSTS = 8;
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
    Instant start = Instant.now();
    List<String> feeds = new ArrayList<>();
    List<HttpServer> servers = new ArrayList<>();
    for (int h = 0; h < HOSTS; h++) {
      servers.add(site(h, start, seconds, perSecond / (double) HOSTS, feeds));
    }
    int expected = 0;
    for (int h = 0; h < HOSTS; h++) {
      expected += published(start.plusSeconds(seconds), start, perSecond / (double) HOSTS);
    }

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
      common.put("KHABAR_HTTP_PORT", "0");
      Map<String, String> ingestEnv = new HashMap<>(common);
      ingestEnv.put("KHABAR_INGEST_FEEDS", String.join(",", feeds));
      // Each host of the local site by address and port, and nothing else.
      ingestEnv.put(
          "KHABAR_INGEST_ALLOW_PRIVATE",
          String.join(",", feeds.stream().map(f -> URI.create(f).getAuthority()).toList()));
      ingestEnv.put("KHABAR_INGEST_DELAY", "0s");
      ingestEnv.put("KHABAR_INGEST_MIN_POLL", "1s");
      ingestEnv.put("KHABAR_INGEST_MAX_POLL", "2s");
      Map<String, String> enrichEnv = new HashMap<>(common);
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
          new ServiceProcess("indexer", "dev.khabar.indexer.IndexerService", common, data));
      for (ServiceProcess service : services.values()) {
        service.start();
      }

      Map<String, Double> latencies = new HashMap<>();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      // After the site stops publishing, wait while articles still arrive (a backlog drains),
      // until none has arrived for a minute.
      long lastArrival = System.nanoTime();
      int seen = 0;
      List<String> restartOrder = new ArrayList<>(services.keySet());
      int restarted = 0;
      while (System.nanoTime() < end
          || System.nanoTime() - lastArrival < Duration.ofSeconds(60).toNanos()) {
        Thread.sleep(500);
        collect(client, latencies);
        if (latencies.size() > seen) {
          seen = latencies.size();
          lastArrival = System.nanoTime();
        }
        double elapsed = Duration.between(start, Instant.now()).toSeconds();
        // Restart each service once, at a quarter, a half and three quarters of the run.
        if (restarted < restartOrder.size() && elapsed > seconds * (restarted + 1) / 4.0) {
          String name = restartOrder.get(restarted++);
          System.out.printf("  %3.0f s: restarting %s%n", elapsed, name);
          services.get(name).restart();
        }
        if (System.nanoTime() > end && latencies.size() >= expected) {
          break;
        }
      }
      Instant finished = Instant.now();
      for (ServiceProcess service : services.values()) {
        service.stop();
      }
      client.indices().refresh(r -> r.index("news-articles"));
      long count = client.count(c -> c.index("news-articles")).count();

      List<Double> sorted = new ArrayList<>(latencies.values());
      Collections.sort(sorted);
      double wall = Duration.between(start, finished).toMillis() / 1000.0;
      System.out.printf(
          "soak bench: %d s of news at %d articles/s over %d hosts, each service restarted once%n",
          seconds, perSecond, HOSTS);
      System.out.printf(
          "  articles published by the site: %d; searchable: %d; documents in the index: %d (%s)%n",
          expected,
          latencies.size(),
          count,
          count == expected ? "exactly one per article" : "MISMATCH");
      System.out.printf(
          "  end to end: %.1f articles/s over %.0f s%n", latencies.size() / wall, wall);
      if (!sorted.isEmpty()) {
        System.out.printf(
            "  fetch to searchable: p50 %.2f s, p95 %.2f s, max %.2f s%n",
            percentile(sorted, 0.50), percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
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
   * Articles a host has published by {@code now}, at {@code rate} per second from {@code start}.
   */
  private static int published(Instant now, Instant start, double rate) {
    double elapsed = Math.max(0, Duration.between(start, now).toMillis() / 1000.0);
    return (int) Math.floor(elapsed * rate);
  }

  /** A host whose feed lists the articles published so far (the newest 50), like a news site. */
  private static HttpServer site(
      int host, Instant start, int seconds, double rate, List<String> feeds) throws IOException {
    String ip = "127.0.0." + (host + 2);
    HttpServer server = HttpServer.create(new InetSocketAddress(ip, 0), 128);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    String base = "http://" + ip + ":" + server.getAddress().getPort();
    server.createContext(
        "/feed.xml",
        exchange -> {
          int count = published(min(Instant.now(), start.plusSeconds(seconds)), start, rate);
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

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
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
   * Records, for each document not seen before, the time from its fetch to now (it is searchable
   * now).
   */
  private static void collect(ElasticsearchClient client, Map<String, Double> latencies)
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
                        .source(src -> src.filter(f -> f.includes("fetched_at"))),
                JsonNode.class)
            .hits()
            .hits();
    for (Hit<JsonNode> hit : hits) {
      if (!latencies.containsKey(hit.id()) && hit.source() != null) {
        Instant fetched = Instant.parse(hit.source().path("fetched_at").asText());
        latencies.put(hit.id(), Duration.between(fetched, now).toMillis() / 1000.0);
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
    Process process;
    long peakRssKb;
    final java.util.concurrent.ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor();

    ServiceProcess(String name, String mainClass, Map<String, String> env, Path logDir) {
      this.name = name;
      this.mainClass = mainClass;
      this.env = env;
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

    void restart() throws Exception {
      stop();
      start();
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
