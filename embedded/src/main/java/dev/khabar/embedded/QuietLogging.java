package dev.khabar.embedded;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Turns the in-process broker's and node's own loggers down to WARN, whatever log4j2 configuration
 * the JVM runs with: in a test JVM the services' {@code log4j2.xml} is active and would otherwise
 * let their INFO chatter through. A logger that the active configuration names explicitly is left
 * as configured.
 */
final class QuietLogging {

  private static final Map<String, Level> BROKER =
      Map.ofEntries(
          Map.entry("kafka", Level.WARN),
          Map.entry("state.change.logger", Level.WARN),
          Map.entry("org.apache.kafka.server", Level.WARN),
          Map.entry("org.apache.kafka.controller", Level.WARN),
          // Its warnings come from broker restarts, which tests do on purpose.
          Map.entry("org.apache.kafka.controller.QuorumController", Level.ERROR),
          Map.entry("org.apache.kafka.raft", Level.WARN),
          Map.entry("org.apache.kafka.metadata", Level.WARN),
          Map.entry("org.apache.kafka.image", Level.WARN),
          Map.entry("org.apache.kafka.queue", Level.WARN),
          Map.entry("org.apache.kafka.snapshot", Level.WARN),
          Map.entry("org.apache.kafka.storage", Level.WARN),
          Map.entry("org.apache.kafka.coordinator", Level.WARN),
          Map.entry("org.apache.kafka.network", Level.WARN),
          Map.entry("org.apache.kafka.security", Level.WARN));

  private static final Map<String, Level> NODE =
      Map.of(
          "org.elasticsearch", Level.WARN,
          // Clients get deprecations as response warnings already.
          "org.elasticsearch.deprecation", Level.ERROR,
          // Fails, harmlessly, for every node after the first in a JVM: it puts the first node's
          // ids into log lines through a JVM-wide "set once".
          "org.elasticsearch.common.logging.NodeAndClusterIdStateListener", Level.OFF,
          // Its native libraries ship only with the distribution; without them it falls back to
          // plain Java and says so with a stack trace.
          "org.elasticsearch.nativeaccess", Level.ERROR,
          "io.netty", Level.WARN);

  /**
   * Lucene logs through java.util.logging; JUL holds its loggers weakly, so the configured ones are
   * kept here. Set when this class initialises, i.e. before the first broker or node starts.
   */
  private static final List<java.util.logging.Logger> LUCENE =
      List.of(
          julLogger("org.apache.lucene", java.util.logging.Level.WARNING),
          // "pass --add-modules jdk.incubator.vector": irrelevant to a test node.
          julLogger("org.apache.lucene.internal.vectorization", java.util.logging.Level.SEVERE));

  private QuietLogging() {}

  static void broker() {
    apply(BROKER);
  }

  static void node() {
    apply(NODE);
  }

  private static void apply(Map<String, Level> levels) {
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      return; // log4j-api bound to another implementation: its configuration decides.
    }
    Configuration configuration = context.getConfiguration();
    Map<String, Level> unconfigured = new HashMap<>();
    levels.forEach(
        (name, level) -> {
          if (!configuration.getLoggers().containsKey(name)) {
            unconfigured.put(name, level);
          }
        });
    Configurator.setLevel(unconfigured);
  }

  private static java.util.logging.Logger julLogger(String name, java.util.logging.Level level) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }
}
