package dev.khabar.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A real Kafka broker in this JVM: one KRaft node that is both broker and controller, listening on
 * 127.0.0.1. Meant for integration tests and the local demo; it has one replica of everything.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *   kafka.createTopic("pages", 3, Map.of("compression.type", "zstd"));
 *   ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} keeps the log directory and the ports, so a later {@link #start()} brings the
 * same broker back with its data at the same address. {@link #close()} stops for good and deletes
 * the log directory if this instance created it. Start and stop are thread-safe and idempotent.
 */
public final class EmbeddedKafka implements AutoCloseable {

  /** Large enough for a 5 MB page plus its envelope; Kafka's default is 1 MB. */
  public static final int DEFAULT_MESSAGE_MAX_BYTES = 8 * 1024 * 1024;

  private static final int NODE_ID = 1;
  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

  /** Set by {@link #start()} itself; an extra property must not contradict them. */
  private static final Set<String> MANAGED_PROPERTIES =
      Set.of(
          "process.roles",
          "node.id",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "listeners",
          "advertised.listeners",
          "controller.listener.names",
          "inter.broker.listener.name",
          "listener.security.protocol.map",
          "log.dirs",
          "log.dir");

  private final @Nullable Path requestedLogDir;
  private final int requestedPort;
  private final Map<String, String> extraProperties;

  // Resolved by the first start and kept, so that a restart reuses data and address.
  private @Nullable Path logDir;
  private int port;
  private int controllerPort;

  private @Nullable KafkaRaftServer server;
  private boolean closed;

  private EmbeddedKafka(Builder builder) {
    this.requestedLogDir = builder.logDir;
    this.requestedPort = builder.port;
    this.extraProperties = Map.copyOf(builder.properties);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the broker, formatting the log directory first if it has never been formatted. Returns
   * once clients can connect. Does nothing if the broker is already running.
   *
   * @throws IllegalStateException if the broker cannot start, or this instance was closed
   */
  public synchronized EmbeddedKafka start() {
    if (closed) {
      throw new IllegalStateException("this broker was closed; build a new one");
    }
    if (server != null) {
      return this;
    }
    QuietLogging.broker();
    if (logDir == null) {
      logDir =
          requestedLogDir != null
              ? Directories.createIfMissing(requestedLogDir)
              : Directories.createTemp("khabar-kafka-");
      port = requestedPort != 0 ? requestedPort : Loopback.freePort();
      controllerPort = Loopback.freePort();
    }
    Properties properties = brokerProperties(logDir);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(properties);
    }
    KafkaRaftServer starting =
        new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    try {
      starting.startup();
    } catch (RuntimeException e) {
      starting.shutdown();
      starting.awaitShutdown();
      throw new IllegalStateException(
          "Kafka did not start on " + address() + " with log dir " + logDir, e);
    }
    server = starting;
    return this;
  }

  /** Stops the broker, keeping its data and ports for a later {@link #start()}. Idempotent. */
  public synchronized void stop() {
    KafkaRaftServer running = server;
    if (running == null) {
      return;
    }
    server = null;
    running.shutdown();
    running.awaitShutdown();
  }

  /** Stops the broker and deletes its log directory if this instance created it. */
  @Override
  public synchronized void close() {
    stop();
    if (!closed && requestedLogDir == null && logDir != null) {
      Directories.deleteRecursively(logDir);
    }
    closed = true;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:9092}.
   *
   * @throws IllegalStateException before the first start, when the port is not yet chosen
   */
  public synchronized String bootstrapServers() {
    if (logDir == null) {
      throw new IllegalStateException("the broker has not been started yet");
    }
    return address();
  }

  /** The broker's port; see {@link #bootstrapServers()}. */
  public synchronized int port() {
    bootstrapServers();
    return port;
  }

  /** The log directory; chosen by the first start when none was given. */
  public synchronized Path logDir() {
    if (logDir == null) {
      throw new IllegalStateException("the broker has not been started yet");
    }
    return logDir;
  }

  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /**
   * Creates a topic with one replica and waits until every partition has a leader, so that a
   * producer or consumer started next sees it. A topic that already exists with the same number of
   * partitions is accepted as is (tests in one JVM share a broker).
   *
   * @param configs topic-level configs, e.g. {@code cleanup.policy=compact}
   * @throws IllegalStateException if the topic exists with another partition count, or is not
   *     visible within 30 seconds
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(configs, "configs");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    try (Admin admin = Admin.create(adminProperties())) {
      NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
      try {
        await(admin.createTopics(List.of(topic)).all(), "create topic " + name);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + name, e.getCause());
        }
      }
      awaitLeaders(admin, name, partitions);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafka[" + (logDir == null ? "not started" : address()) + "]";
  }

  private String address() {
    return Loopback.HOST + ":" + port;
  }

  private Properties brokerProperties(Path dir) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    String controller = Loopback.HOST + ":" + controllerPort;
    p.put("controller.quorum.voters", NODE_ID + "@" + controller);
    p.put("listeners", "PLAINTEXT://" + address() + ",CONTROLLER://" + controller);
    p.put("advertised.listeners", "PLAINTEXT://" + address());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dir.toAbsolutePath().toString());
    // One broker: internal topics can have only one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // The default 50 partitions each take a while to create on a 2-core machine, delaying the
    // first consumer group or transaction of a test run by seconds.
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.num.partitions", "5");
    // No waiting for more members: a test's single consumer gets its partitions at once.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("message.max.bytes", Integer.toString(DEFAULT_MESSAGE_MAX_BYTES));
    // The cleaner's default 128 MB dedupe buffer is heap a test JVM needs more elsewhere.
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    p.putAll(extraProperties);
    Properties properties = new Properties();
    properties.putAll(p);
    return properties;
  }

  private static void format(Properties properties) {
    Path configFile = null;
    try {
      configFile = Files.createTempFile("khabar-kafka-", ".properties");
      try (OutputStream out = Files.newOutputStream(configFile)) {
        properties.store(out, "written to format the embedded broker's log directory");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      String[] args = {
        "format",
        "-t",
        Uuid.randomUuid().toString(),
        "-c",
        configFile.toString(),
        "--ignore-formatted"
      };
      int status;
      try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        status = StorageTool.execute(args, printer);
      }
      if (status != 0) {
        throw new IllegalStateException(
            "formatting the Kafka log dir failed ("
                + status
                + "): "
                + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker config for formatting", e);
    } finally {
      if (configFile != null) {
        try {
          Files.deleteIfExists(configFile);
        } catch (IOException ignored) {
          // A leftover file in the temp dir is harmless.
        }
      }
    }
  }

  private Map<String, Object> adminProperties() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG,
        "khabar-embedded-admin");
  }

  private static void awaitLeaders(Admin admin, String name, int partitions) {
    long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription description =
            await(
                admin.describeTopics(List.of(name)).topicNameValues().get(name),
                "describe " + name);
        int found = description.partitions().size();
        if (found != partitions) {
          throw new IllegalStateException(
              "topic " + name + " exists with " + found + " partitions, expected " + partitions);
        }
        long led = description.partitions().stream().filter(p -> p.leader() != null).count();
        if (led == partitions) {
          return;
        }
        last = led + " of " + partitions + " partitions have a leader";
      } catch (ExecutionException e) {
        last = String.valueOf(e.getCause());
      }
      sleep(Duration.ofMillis(50));
    }
    throw new IllegalStateException(
        "topic " + name + " not visible after " + TOPIC_TIMEOUT.toSeconds() + " s: " + last);
  }

  private static <T> T await(KafkaFuture<T> future, String what) throws ExecutionException {
    try {
      return future.get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          what + ": no answer after " + TOPIC_TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a topic", e);
    }
  }

  /** Settings of an {@link EmbeddedKafka}; every one has a default. Not thread-safe. */
  public static final class Builder {

    private int port;
    private @Nullable Path logDir;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder() {}

    /** The client port; 0 (the default) picks a free one at the first start. */
    public Builder port(int port) {
      Loopback.checkPort(port, "port");
      this.port = port;
      return this;
    }

    /**
     * Where the broker keeps its data, created if missing; by default a new temporary directory
     * that {@link EmbeddedKafka#close()} deletes. A given directory is never deleted.
     */
    public Builder logDir(Path logDir) {
      this.logDir = Objects.requireNonNull(logDir, "logDir");
      return this;
    }

    /**
     * Adds or overrides a broker property, e.g. {@code auto.create.topics.enable=false}. The
     * listener, role and log-dir properties are managed by the broker itself and rejected.
     */
    public Builder brokerProperty(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (MANAGED_PROPERTIES.contains(key)) {
        throw new IllegalArgumentException(
            "broker property " + key + " is set by EmbeddedKafka itself; use port() or logDir()");
      }
      properties.put(key, value);
      return this;
    }

    /** {@link #brokerProperty(String, String)} for each entry. */
    public Builder brokerProperties(Map<String, String> properties) {
      properties.forEach(this::brokerProperty);
      return this;
    }

    /** A broker that is not started yet; nothing is bound or written until {@code start()}. */
    public EmbeddedKafka build() {
      return new EmbeddedKafka(this);
    }
  }
}
