package dev.khabar.embedded;

import dev.khabar.embedded.elasticsearch.LanguageAnalysisPlugin;
import dev.khabar.embedded.elasticsearch.RootInfoPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.NodeValidationException;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.jspecify.annotations.Nullable;

/**
 * A real Elasticsearch node in this JVM, single-node, with HTTP on 127.0.0.1. Meant for integration
 * tests and the local demo.
 *
 * <pre>{@code
 * try (EmbeddedElasticsearch es = EmbeddedElasticsearch.builder().build().start()) {
 *   ... es.httpUrl() ...   // "http://127.0.0.1:41234"
 * }
 * }</pre>
 *
 * <p>It has what the server jar has, plus the {@code arabic} and {@code english} analyzers and
 * {@code GET /}. It lacks x-pack (security, ILM, data streams), painless, {@code _reindex}, ingest
 * processors and the other analyzers of the distribution's modules: index designs must not need
 * them.
 *
 * <p>{@link #stop()} keeps the data directory and the HTTP port, so a later {@link #start()} brings
 * the same node back with its indices at the same URL. {@link #close()} stops for good and deletes
 * the directory if this instance created it. Start and stop are thread-safe and idempotent.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

  static {
    // Run the node as the distribution does, without Elasticsearch's own assertions, even in a
    // test JVM where -ea is the default: some of them hold only inside Elasticsearch's test
    // framework, e.g. a second node in one JVM (a restart) trips one on a JVM-wide "set once"
    // and kills the cluster-state thread. Affects only classes not yet initialised: first here.
    EmbeddedElasticsearch.class
        .getClassLoader()
        .setPackageAssertionStatus("org.elasticsearch", false);
  }

  private static final List<Class<? extends Plugin>> PLUGINS =
      List.of(Netty4Plugin.class, LanguageAnalysisPlugin.class, RootInfoPlugin.class);

  /** Set by {@link #start()} itself; an extra setting must not contradict them. */
  private static final Set<String> MANAGED_SETTINGS =
      Set.of(
          "path.home",
          "path.data",
          "path.logs",
          "http.port",
          "network.host",
          "discovery.type",
          "cluster.name",
          "node.name");

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final @Nullable Path requestedDataDir;
  private final int requestedHttpPort;
  private final String clusterName;
  private final Duration startTimeout;
  private final Map<String, String> extraSettings;

  // Resolved by the first start and kept, so that a restart reuses data and address.
  private @Nullable Path home;
  private int httpPort;

  private @Nullable Node node;
  private boolean closed;

  private EmbeddedElasticsearch(Builder builder) {
    this.requestedDataDir = builder.dataDir;
    this.requestedHttpPort = builder.httpPort;
    this.clusterName = builder.clusterName;
    this.startTimeout = builder.startTimeout;
    this.extraSettings = Map.copyOf(builder.settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the node and waits until the cluster is at least yellow, i.e. every primary shard of the
   * indices it already had is open. Does nothing if the node is already running.
   *
   * @throws IllegalStateException if the node cannot start or turn yellow in time, or this instance
   *     was closed
   */
  public synchronized EmbeddedElasticsearch start() {
    if (closed) {
      throw new IllegalStateException("this node was closed; build a new one");
    }
    if (node != null) {
      return this;
    }
    if (home == null) {
      home =
          requestedDataDir != null
              ? Directories.createIfMissing(requestedDataDir)
              : Directories.createTemp("khabar-elasticsearch-");
      httpPort = requestedHttpPort;
    }
    prepareLogging();
    Node starting = new EmbeddedNode(environment(home), PLUGINS);
    try {
      starting.start();
      awaitYellow(starting);
    } catch (NodeValidationException | RuntimeException e) {
      closeQuietly(starting);
      throw new IllegalStateException(
          "Elasticsearch did not start on http port " + httpPort + " with home " + home, e);
    }
    // Pin the port chosen for http.port=0 so that a restart comes back at the same URL.
    httpPort =
        starting
            .injector()
            .getInstance(HttpServerTransport.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    node = starting;
    return this;
  }

  /** Stops the node, keeping its data and port for a later {@link #start()}. Idempotent. */
  public synchronized void stop() {
    Node running = node;
    if (running == null) {
      return;
    }
    node = null;
    try {
      running.close();
      if (!running.awaitClose(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "Elasticsearch threads still running " + CLOSE_TIMEOUT.toSeconds() + " s after close");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch did not close cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Elasticsearch was closing", e);
    }
  }

  /** Stops the node and deletes its directory if this instance created it. */
  @Override
  public synchronized void close() {
    stop();
    if (!closed && requestedDataDir == null && home != null) {
      Directories.deleteRecursively(home);
    }
    closed = true;
  }

  public synchronized boolean isRunning() {
    return node != null;
  }

  /**
   * The base URL for HTTP clients, e.g. {@code http://127.0.0.1:9200}.
   *
   * @throws IllegalStateException before the first start, when the port may not be chosen yet
   */
  public synchronized String httpUrl() {
    return "http://" + Loopback.HOST + ":" + httpPort();
  }

  /** The HTTP port; see {@link #httpUrl()}. */
  public synchronized int httpPort() {
    if (home == null || httpPort == 0) {
      throw new IllegalStateException("the node has not been started yet");
    }
    return httpPort;
  }

  /**
   * The node's home: {@code data/} holds the indices, {@code config/} and {@code logs/} are
   * Elasticsearch's own. Chosen by the first start when none was given.
   */
  public synchronized Path dataDir() {
    if (home == null) {
      throw new IllegalStateException("the node has not been started yet");
    }
    return home;
  }

  @Override
  public String toString() {
    return "EmbeddedElasticsearch[" + (httpPort == 0 ? "not started" : httpUrl()) + "]";
  }

  private Environment environment(Path home) {
    Settings.Builder settings =
        Settings.builder()
            .put("path.home", home.toAbsolutePath().toString())
            .put("path.data", home.resolve("data").toAbsolutePath().toString())
            .put("path.logs", home.resolve("logs").toAbsolutePath().toString())
            .put("cluster.name", clusterName)
            .put("node.name", clusterName + "-node")
            .put("discovery.type", "single-node")
            .put("network.host", Loopback.HOST)
            .put("http.port", httpPort)
            .put("transport.port", 0)
            // Test machines run with full disks; a real cluster would stop allocating shards.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
    extraSettings.forEach(settings::put);
    Path configDir = Directories.createIfMissing(home.resolve("config"));
    return InternalSettingsPreparer.prepareEnvironment(
        settings.build(), Map.of(), configDir, () -> clusterName + "-node");
  }

  private void awaitYellow(Node starting) {
    TimeValue timeout = TimeValue.timeValueMillis(startTimeout.toMillis());
    ClusterHealthResponse health =
        starting
            .client()
            .admin()
            .cluster()
            .prepareHealth(timeout)
            .setWaitForYellowStatus()
            .setTimeout(timeout)
            .get(timeout);
    if (health.isTimedOut()) {
      throw new IllegalStateException(
          "cluster still " + health.getStatus() + " after " + startTimeout.toSeconds() + " s");
    }
  }

  /**
   * Elasticsearch logs through its own facade, which must be bound to log4j before the first node
   * is built. The rest of {@code LogConfigurator} is not used: it would replace the JVM's whole
   * log4j configuration and redirect {@code System.out}, and its log4j plugins serve only its own
   * pattern files.
   */
  private static void prepareLogging() {
    LogConfigurator.configureESLogging();
    QuietLogging.node();
  }

  private static void closeQuietly(Node failed) {
    try {
      failed.close();
      failed.awaitClose(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | InterruptedException | RuntimeException e) {
      // The start failure is the one to report.
    }
  }

  /** Settings of an {@link EmbeddedElasticsearch}; every one has a default. Not thread-safe. */
  public static final class Builder {

    private int httpPort;
    private @Nullable Path dataDir;
    private String clusterName = "khabar-embedded";
    private Duration startTimeout = Duration.ofSeconds(60);
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder() {}

    /** The HTTP port; 0 (the default) picks a free one at the first start. */
    public Builder httpPort(int httpPort) {
      Loopback.checkPort(httpPort, "httpPort");
      this.httpPort = httpPort;
      return this;
    }

    /**
     * The node's home directory, created if missing; by default a new temporary directory that
     * {@link EmbeddedElasticsearch#close()} deletes. A given directory is never deleted.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    public Builder clusterName(String clusterName) {
      Objects.requireNonNull(clusterName, "clusterName");
      if (!clusterName.matches("[a-z0-9][a-z0-9_-]*")) {
        throw new IllegalArgumentException(
            "clusterName must be lower-case letters, digits, '-' or '_', got '"
                + clusterName
                + "'");
      }
      this.clusterName = clusterName;
      return this;
    }

    /** How long {@code start()} waits for the cluster to turn yellow; 60 s by default. */
    public Builder startTimeout(Duration startTimeout) {
      Objects.requireNonNull(startTimeout, "startTimeout");
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
      }
      this.startTimeout = startTimeout;
      return this;
    }

    /**
     * Adds a node setting, e.g. {@code indices.memory.index_buffer_size=20%}. Paths, network and
     * discovery are managed by the node itself and rejected; an unknown setting fails at start.
     */
    public Builder setting(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (MANAGED_SETTINGS.contains(key)) {
        throw new IllegalArgumentException(
            "setting " + key + " is set by EmbeddedElasticsearch itself");
      }
      settings.put(key, value);
      return this;
    }

    /** A node that is not started yet; nothing is bound or written until {@code start()}. */
    public EmbeddedElasticsearch build() {
      return new EmbeddedElasticsearch(this);
    }
  }
}
