package dev.khabar.enrich;

import dev.khabar.common.service.Env;
import dev.khabar.common.service.Metrics;
import dev.khabar.common.service.ServiceEndpoints;
import dev.khabar.common.service.ServiceEndpoints.Readiness;
import dev.khabar.common.service.ServiceRunner;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.enrich.clean.ArticleExtractor;
import dev.khabar.enrich.entities.EntityRecognizer;
import dev.khabar.enrich.stream.ArticleAssembler;
import dev.khabar.enrich.stream.BoundedRocksDbMemory;
import dev.khabar.enrich.stream.EnrichMetrics;
import dev.khabar.enrich.stream.EnrichTopology;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich service: the Kafka Streams app that turns raw pages into clean articles. */
public final class EnrichService implements ServiceRunner.Service {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final EnrichConfig config;
  private final PrometheusMeterRegistry registry;
  private final KafkaStreams streams;
  private final Thread starter;
  private final KafkaStreamsMetrics streamsMetrics;
  private final ServiceEndpoints endpoints;
  private boolean closed;

  public EnrichService(EnrichConfig config) throws Exception {
    this.config = config;
    this.registry = Metrics.registry("enrich");
    TopicSetup.ensure(
        config.kafka().clientProperties(),
        Duration.ofMinutes(5),
        new TopicSpec(config.articlesTopic(), config.articlePartitions(), (short) -1, Map.of()),
        new TopicSpec(
            config.deadLetterTopic(),
            1,
            (short) -1,
            Map.of("max.message.bytes", Integer.toString(MAX_RECORD_BYTES))));
    ArticleAssembler assembler =
        new ArticleAssembler(
            ArticleExtractor.withDefaults(), EntityRecognizer.load(config.nerModels()));
    Topology topology =
        buildTopology(new StreamsBuilder(), config, assembler, new EnrichMetrics(registry));
    this.streams = new KafkaStreams(topology, streamsConfig(config));
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    this.starter =
        Thread.ofPlatform()
            .name("khabar-enrich-start")
            .daemon(true)
            .unstarted(this::startWhenReady);
    this.endpoints =
        ServiceEndpoints.start(config.httpHost(), config.httpPort(), registry, this::readiness);
  }

  /** Raw pages are up to 5 MB of HTML, JSON-escaped; dead-lettered pages carry them whole. */
  static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  static Topology buildTopology(
      StreamsBuilder builder,
      EnrichConfig config,
      ArticleAssembler assembler,
      EnrichMetrics metrics) {
    return EnrichTopology.build(
        builder,
        new EnrichTopology.Topics(config.rawTopic(), config.articlesTopic()),
        config.learning(),
        assembler,
        Clock.systemUTC(),
        metrics);
  }

  static Properties streamsConfig(EnrichConfig config) {
    Properties properties = new Properties();
    properties.putAll(config.kafka().clientProperties());
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    // Each page becomes exactly one article, even across crashes and rebalances.
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    // All state stores share one bounded block cache and memtable budget (native memory).
    properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    properties.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, config.rocksDbBytes());
    // Warm copies of the stores on other instances: a task that moves resumes without a restore.
    properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
    // Static membership (Streams appends each thread's index): a successor of a killed instance
    // takes its tasks back at once instead of waiting for the dead members' sessions to expire.
    // The state directory keeps the process id, so the successor's transactional ids are the
    // dead one's too and its open transactions are aborted at once; without a successor they time
    // out after Streams' exactly-once default of 10 s.
    properties.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
        config.instance().qualified(config.applicationId()));
    // Unreadable records and pages that fail processing go to the dead-letter topic, with the
    // error in headers, and the app carries on.
    properties.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic());
    properties.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    properties.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    // The broker's replication default, so one setting serves one broker and a cluster alike.
    properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    properties.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
    properties.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    properties.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        MAX_RECORD_BYTES);
    // A raw page takes milliseconds to enrich; small polls keep transactions short.
    properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 100);
    return properties;
  }

  private Readiness readiness() {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.CREATED) {
      return Readiness.notReady("waiting for topic " + config.rawTopic() + " (ingest creates it)");
    }
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
        ? Readiness.ok()
        : Readiness.notReady("streams " + state);
  }

  public void start() {
    streams.setUncaughtExceptionHandler(
        error -> {
          LOG.error("stream thread failed; replacing it", error);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    starter.start();
  }

  /**
   * Starts the Streams app once its source topic exists: ingest creates it, and may start after
   * enrich. Started before, Streams would fail each rebalance with a missing source topic.
   */
  private void startWhenReady() {
    try {
      TopicSetup.await(config.kafka().clientProperties(), Set.of(config.rawTopic()));
    } catch (InterruptedException e) {
      return; // stopped before the topic appeared
    }
    synchronized (this) {
      if (!closed) {
        streams.start();
      }
    }
  }

  public int httpPort() {
    return endpoints.port();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    starter.interrupt();
    // Leaves the group, so that the other instances take the tasks over now: a static member would
    // otherwise keep them until its session times out.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(10)));
    streamsMetrics.close();
    endpoints.close();
    registry.close();
  }

  public static void main(String[] args) throws Exception {
    ServiceRunner.runUntilStopped("enrich", new EnrichService(EnrichConfig.fromEnv(Env.service())));
  }
}
