package dev.khabar.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * One Kafka broker and one Elasticsearch node per JVM, for the integration tests of all modules:
 * each starts on first use and stops when the JVM exits.
 *
 * <pre>{@code
 * String bootstrap = SharedServices.kafka().bootstrapServers();
 * String es = SharedServices.elasticsearch().httpUrl();
 * }</pre>
 *
 * <p>A test may stop and restart a shared service (both keep their data and address); the next call
 * here starts it again if the test left it stopped. Tests that share a service share its topics and
 * indices, so each should use names of its own. Thread-safe.
 */
public final class SharedServices {

  private static final List<AutoCloseable> STARTED = new ArrayList<>();

  private SharedServices() {}

  /** The JVM's broker, started if it is not running. */
  public static EmbeddedKafka kafka() {
    return KafkaHolder.KAFKA.start();
  }

  /** The JVM's node, started if it is not running. */
  public static EmbeddedElasticsearch elasticsearch() {
    return ElasticsearchHolder.ELASTICSEARCH.start();
  }

  private static <T extends AutoCloseable> T stopAtExit(T service) {
    synchronized (STARTED) {
      if (STARTED.isEmpty()) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(SharedServices::closeAll, "khabar-shared-services-stop"));
      }
      STARTED.add(service);
    }
    return service;
  }

  private static void closeAll() {
    List<AutoCloseable> services;
    synchronized (STARTED) {
      services = List.copyOf(STARTED).reversed();
    }
    for (AutoCloseable service : services) {
      try {
        service.close();
      } catch (Exception e) {
        // Logging may already be shut down by its own hook.
        System.err.println("could not stop " + service + ": " + e);
      }
    }
  }

  // Holders: each service is built on first use only, so a test that needs Kafka pays nothing for
  // Elasticsearch. Building binds and writes nothing; start() does.
  private static final class KafkaHolder {
    static final EmbeddedKafka KAFKA = stopAtExit(EmbeddedKafka.builder().build());
  }

  private static final class ElasticsearchHolder {
    static final EmbeddedElasticsearch ELASTICSEARCH =
        stopAtExit(EmbeddedElasticsearch.builder().build());
  }
}
