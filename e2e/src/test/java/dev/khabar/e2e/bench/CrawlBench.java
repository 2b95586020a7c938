package dev.khabar.e2e.bench;

import com.sun.net.httpserver.HttpServer;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.EmbeddedKafka;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.address.AddressGuard;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The crawler's throughput: a local site of many hosts (127.0.0.2, 127.0.0.3, …, each its own
 * server) and thousands of ~40 KB pages, politeness delays at zero, published to a real broker in
 * this JVM. The clock runs from the crawler's start until its own counter says every page is
 * published; afterwards the raw topic is read back to check that each page is there exactly once.
 * Prints pages/s and MB/s published (overall and from the first page on), CPU and peak heap. A
 * benchmark, not a test: run it with {@code ./khabar bench-crawl [hosts] [pages-per-host]
 * [instances]}; with several instances, they share the sites through the ingest group, all in this
 * JVM, and the rate is theirs together.
 */
public final class CrawlBench {
  public static void main(String[] args) throws Exception {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int pagesPerHost = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, was " + instances);
    }
    int total = hosts * pagesPerHost;
    // The JDK's test server writes headers and body separately; without TCP_NODELAY, Nagle and
    // delayed ACKs add ~40 ms to every response, and the bench would measure that, not the crawler.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    List<HttpServer> servers = new ArrayList<>();
    List<String> feeds = new ArrayList<>();
    byte[][] pages = pages(64);
    for (int h = 0; h < hosts; h++) {
      String ip = "127.0." + ((h + 2) / 250) + "." + ((h + 2) % 250);
      HttpServer server = HttpServer.create(new InetSocketAddress(ip, 0), 256);
      String base = "http://" + ip + ":" + server.getAddress().getPort();
      StringBuilder feed =
          new StringBuilder(
              "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>bench</title>");
      for (int p = 0; p < pagesPerHost; p++) {
        feed.append("<item><link>")
            .append(base)
            .append("/news/")
            .append(p)
            .append(".html</link></item>");
      }
      byte[] feedBytes =
          feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
      server.createContext("/feed.xml", ex -> respond(ex, "application/rss+xml", feedBytes));
      server.createContext(
          "/robots.txt",
          ex ->
              respond(
                  ex, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8)));
      server.createContext(
          "/news/",
          ex -> {
            String path = ex.getRequestURI().getPath();
            int n =
                Integer.parseInt(path.substring(path.lastIndexOf('/') + 1, path.indexOf(".html")));
            respond(ex, "text/html; charset=utf-8", pages[n % pages.length]);
          });
      server.start();
      servers.add(server);
      feeds.add(base + "/feed.xml");
    }

    Path dataDir = Files.createTempDirectory("khabar-bench-kafka");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(dataDir).build().start()) {
      Map<String, String> env = new HashMap<>();
      env.put("KHABAR_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
      env.put("KHABAR_INGEST_FEEDS", String.join(",", feeds));
      // Each host of the local site by address and port, and nothing else.
      env.put(
          "KHABAR_INGEST_ALLOW_PRIVATE",
          String.join(",", feeds.stream().map(f -> URI.create(f).getAuthority()).toList()));
      env.put("KHABAR_INGEST_DELAY", "0s");
      env.put("KHABAR_INGEST_CONCURRENCY", "64");
      env.put("KHABAR_INGEST_MAX_POLL", "10m");
      env.put("KHABAR_INGEST_MIN_POLL", "5m");
      env.put("KHABAR_TOPIC_PARTITIONS", "6");
      env.put("KHABAR_HTTP_PORT", "0");
      AddressGuard.Resolver literal = host -> List.of(InetAddress.getByName(host));
      long cpuBefore = processCpuNanos();
      Map<String, Long> threadsBefore = cpuByThreadGroup();
      long start = System.nanoTime();
      long firstFetched = 0;
      long firstPublished = 0;
      long end;
      double cpuSeconds;
      Map<String, Long> threadCpu;
      List<IngestService> crawlers = new ArrayList<>();
      try {
        for (int i = 1; i <= instances; i++) {
          env.put("KHABAR_INSTANCE_ID", "bench-" + i);
          crawlers.add(new IngestService(IngestConfig.fromEnv(new Env(env)), literal));
        }
        crawlers.forEach(IngestService::start);
        List<URI> metrics =
            crawlers.stream()
                .map(c -> URI.create("http://127.0.0.1:" + c.httpPort() + "/metrics"))
                .toList();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        double published = 0;
        while (published < total) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "only " + published + " of " + total + " pages published in 10 minutes");
          }
          Thread.sleep(250);
          StringBuilder all = new StringBuilder();
          for (URI uri : metrics) {
            all.append(
                client
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
          }
          String text = all.toString();
          published = sum(text, "khabar_ingest_pages_published_total");
          if (firstFetched == 0 && text.contains("kind=\"article\",outcome=\"fetched\"")) {
            firstFetched = System.nanoTime();
          }
          if (published > 0 && firstPublished == 0) {
            firstPublished = System.nanoTime();
          }
          if (published >= total) {
            printFetchLatency(text);
          }
        }
        end = System.nanoTime();
        cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        threadCpu = cpuByThreadGroup();
        threadsBefore.forEach((group, nanos) -> threadCpu.merge(group, -nanos, Long::sum));
      } finally {
        for (IngestService crawler : crawlers) {
          crawler.close();
        }
      }
      double seconds = (end - start) / 1e9;
      double steadySeconds = (end - firstPublished) / 1e9;
      List<ConsumerRecord<byte[], byte[]>> records =
          TopicReader.read(
              kafka.bootstrapServers(),
              "khabar.pages.raw",
              total,
              Duration.ofMinutes(2),
              Duration.ofSeconds(2));
      Set<String> urls = new HashSet<>();
      long bytes = 0;
      for (ConsumerRecord<byte[], byte[]> record : records) {
        urls.add(new String(record.key(), StandardCharsets.UTF_8));
        bytes += record.serializedValueSize();
      }
      System.out.printf(
          "crawl bench: %d hosts x %d pages = %d pages, %.1f KB each, %d crawler%s%n",
          hosts,
          pagesPerHost,
          total,
          bytes / 1024.0 / records.size(),
          instances,
          instances == 1 ? "" : "s sharing the sites");
      System.out.printf(
          "  read back: %d records, %d distinct URLs (%s)%n",
          records.size(),
          urls.size(),
          records.size() == total && urls.size() == total ? "each page exactly once" : "MISMATCH");
      System.out.printf(
          "  %.1f s from the crawler's start: %.0f pages/s, %.1f MB/s published%n",
          seconds, total / seconds, bytes / 1e6 / seconds);
      System.out.printf(
          "  first article fetched after %.1f s, first published after %.1f s%n",
          (firstFetched - start) / 1e9, (firstPublished - start) / 1e9);
      System.out.printf(
          "  %.1f s from the first published page: %.0f pages/s, %.1f MB/s%n",
          steadySeconds, total / steadySeconds, bytes / 1e6 / steadySeconds);
      System.out.printf(
          "  CPU %.1f s, %.1f ms per page (%.0f%% of %d cores; broker, servers and crawler in this one JVM)%n",
          cpuSeconds,
          1000 * cpuSeconds / total,
          100 * cpuSeconds / seconds / Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().availableProcessors());
      System.out.print("  CPU per page by part:");
      threadCpu.forEach(
          (group, nanos) -> System.out.printf(" %s %.2f ms,", group, nanos / 1e6 / total));
      long inThreads = threadCpu.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          " GC and JIT compiler %.2f ms%n", (cpuSeconds * 1e9 - inThreads) / 1e6 / total);
      System.out.printf("  peak heap %.0f MB%n", peakHeapBytes() / 1e6);
    } finally {
      servers.forEach(server -> server.stop(0));
    }
    System.exit(0);
  }

  private static void respond(
      com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body)
      throws java.io.IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Pages of about 30 KB: a news layout around paragraphs of mixed Arabic and English words. */
  private static byte[][] pages(int count) {
    String[] words = {
      "منظمة",
      "التعاون",
      "الاقتصادي",
      "طهران",
      "الدول",
      "الأعضاء",
      "trade",
      "ministers",
      "summit",
      "agreed",
      "rail",
      "customs"
    };
    Random random = new Random(42);
    byte[][] pages = new byte[count][];
    for (int i = 0; i < count; i++) {
      StringBuilder html =
          new StringBuilder("<html><head><title>خبر ")
              .append(i)
              .append("</title></head><body><nav>");
      for (int n = 0; n < 30; n++) {
        html.append("<a href=\"/section/").append(n).append("\">قسم ").append(n).append("</a>");
      }
      html.append("</nav><article><h1>خبر رقم ").append(i).append("</h1>");
      while (html.length() < 30_000) {
        html.append("<p>");
        for (int w = 0; w < 60; w++) {
          html.append(words[random.nextInt(words.length)]).append(' ');
        }
        html.append("</p>");
      }
      pages[i] =
          html.append("</article><footer>© 2026</footer></body></html>")
              .toString()
              .getBytes(StandardCharsets.UTF_8);
    }
    return pages;
  }

  /**
   * The mean time of one fetch, from the crawler's own histogram: its requests and the waits for
   * its host's turn between them (one request at a time per host).
   */
  private static void printFetchLatency(String metrics) {
    double sum = sum(metrics, "khabar_ingest_fetch_duration_seconds_sum");
    double count = sum(metrics, "khabar_ingest_fetch_duration_seconds_count");
    System.out.printf(
        "  mean fetch %.1f ms over %.0f fetches (waits for the host's turn included)%n",
        1000 * sum / count, count);
  }

  /** The sum of a Prometheus metric's samples over all its label sets. */
  private static double sum(String metrics, String name) {
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /**
   * CPU time of the live threads by the part they belong to: the crawler (its own threads, the HTTP
   * client's, the producer's and the carriers of its virtual threads), the broker, the test site's
   * servers, and the rest. The JVM's own threads (GC, JIT compiler) are not among them.
   */
  private static Map<String, Long> cpuByThreadGroup() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new java.util.TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        cpu.merge(part(info.getThreadName()), nanos, Long::sum);
      }
    }
    return cpu;
  }

  private static String part(String thread) {
    if (thread.startsWith("khabar-")
        || thread.startsWith("HttpClient-")
        || thread.startsWith("ForkJoinPool-")
        || thread.startsWith("kafka-producer-network-thread | producer-khabar")) {
      return "crawler";
    }
    if (thread.startsWith("HTTP-Dispatcher") || thread.startsWith("server-timer")) {
      return "site";
    }
    if (thread.startsWith("data-plane")
        || thread.startsWith("kafka")
        || thread.startsWith("quorum")
        || thread.startsWith("broker")
        || thread.startsWith("controller")
        || thread.startsWith("raft")
        || thread.startsWith("ExpirationReaper")
        || thread.startsWith("LogDirFailureHandler")
        || thread.contains("group-coordinator")
        || thread.contains("transaction")) {
      return "broker";
    }
    return "other";
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
