package dev.khabar.embedded;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The local demo's infrastructure in one process: a Kafka broker, an Elasticsearch node and,
 * optionally, a sample news site, on fixed loopback ports with data that survives restarts. Prints
 * one line per service, then {@code ready}; stops everything on SIGTERM or Ctrl-C.
 *
 * <pre>
 * KHABAR_EMBEDDED_DATA=./.khabar/data KHABAR_SAMPLE_SITE_DIR=./samples/site \
 *   java --enable-native-access=ALL-UNNAMED -jar embedded/target/khabar-embedded.jar
 * kafka 127.0.0.1:9092
 * elasticsearch http://127.0.0.1:9200
 * site http://127.0.0.1:8088
 * ready
 * </pre>
 *
 * <p>On JDK 23 and later, {@code --sun-misc-unsafe-memory-access=allow} also silences the warning
 * Kafka's use of {@code sun.misc.Unsafe} prints once.
 */
public final class LocalStack implements AutoCloseable {

  /** What the environment asks for; read once by {@link #fromEnvironment(Map)}. */
  public record Config(
      int kafkaPort, int elasticsearchPort, Path dataDir, @Nullable Path siteDir, int sitePort) {

    public Config {
      Loopback.checkPort(kafkaPort, "kafkaPort");
      Loopback.checkPort(elasticsearchPort, "elasticsearchPort");
      Loopback.checkPort(sitePort, "sitePort");
    }

    /**
     * Reads {@code KHABAR_EMBEDDED_KAFKA_PORT} (9092), {@code KHABAR_EMBEDDED_ES_PORT} (9200),
     * {@code KHABAR_EMBEDDED_DATA} ({@code ./.khabar/data}), {@code KHABAR_SAMPLE_SITE_DIR} (no
     * site when unset) and {@code KHABAR_SAMPLE_SITE_PORT} (8088).
     *
     * @throws IllegalArgumentException naming the variable whose value is invalid
     */
    public static Config fromEnvironment(Map<String, String> env) {
      String siteDir = env.get("KHABAR_SAMPLE_SITE_DIR");
      return new Config(
          port(env, "KHABAR_EMBEDDED_KAFKA_PORT", 9092),
          port(env, "KHABAR_EMBEDDED_ES_PORT", 9200),
          Path.of(env.getOrDefault("KHABAR_EMBEDDED_DATA", "./.khabar/data")),
          siteDir == null || siteDir.isBlank() ? null : Path.of(siteDir),
          port(env, "KHABAR_SAMPLE_SITE_PORT", 8088));
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        return defaultPort;
      }
      try {
        int port = Integer.parseInt(value.strip());
        Loopback.checkPort(port, name);
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
      }
    }
  }

  private final Config config;
  private final List<AutoCloseable> started = new ArrayList<>();

  public LocalStack(Config config) {
    this.config = config;
  }

  public static void main(String[] args) throws InterruptedException {
    LocalStack stack = new LocalStack(Config.fromEnvironment(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "khabar-local-stack-stop"));
    try {
      stack.start(System.out);
    } catch (RuntimeException e) {
      System.err.println("local stack failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    // The services run on their own threads; the shutdown hook ends them.
    new CountDownLatch(1).await();
  }

  /** Starts each service, printing its address as it comes up, then {@code ready}. */
  public synchronized void start(PrintStream out) {
    if (config.siteDir() != null && !Files.isDirectory(config.siteDir())) {
      throw new IllegalArgumentException(
          "KHABAR_SAMPLE_SITE_DIR is not a directory: " + config.siteDir().toAbsolutePath());
    }
    EmbeddedKafka kafka =
        register(
            EmbeddedKafka.builder()
                .port(config.kafkaPort())
                .logDir(config.dataDir().resolve("kafka"))
                .build());
    kafka.start();
    out.println("kafka " + kafka.bootstrapServers());

    EmbeddedElasticsearch elasticsearch =
        register(
            EmbeddedElasticsearch.builder()
                .httpPort(config.elasticsearchPort())
                .dataDir(config.dataDir().resolve("elasticsearch"))
                .build());
    elasticsearch.start();
    out.println("elasticsearch " + elasticsearch.httpUrl());

    if (config.siteDir() != null) {
      StaticSite site =
          register(StaticSite.builder().root(config.siteDir()).port(config.sitePort()).build());
      site.start();
      out.println("site " + site.baseUrl());
    }
    out.println("ready");
    out.flush();
  }

  /** Stops what was started, newest first. Idempotent. */
  @Override
  public synchronized void close() {
    for (AutoCloseable service : started.reversed()) {
      try {
        service.close();
      } catch (Exception e) {
        System.err.println("could not stop " + service + ": " + e);
      }
    }
    started.clear();
  }

  private <T extends AutoCloseable> T register(T service) {
    started.add(service);
    return service;
  }
}
