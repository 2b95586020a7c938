package dev.khabar.ingest;

import dev.khabar.common.service.Env;
import dev.khabar.embedded.SharedServices;
import dev.khabar.ingest.address.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the ingest integration tests start from: the shared broker, and topics and a group of the
 * test's own, named with its suffix, so that tests sharing the broker never meet.
 */
final class IsolatedIngest {

  /** Loopback addresses resolve to themselves; nothing else resolves. */
  static final AddressGuard.Resolver LOOPBACK_ONLY =
      host -> {
        if (host.startsWith("127.")) {
          return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host);
      };

  private IsolatedIngest() {}

  /** The broker, every topic and the group under {@code suffix}; topics of two partitions. */
  static Map<String, String> env(String suffix) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KHABAR_KAFKA_BOOTSTRAP", SharedServices.kafka().bootstrapServers());
    env.put("KHABAR_TOPIC_PAGES_RAW", "khabar.pages.raw" + suffix);
    env.put("KHABAR_TOPIC_INGEST_SEEN", "khabar.ingest.seen" + suffix);
    env.put("KHABAR_TOPIC_INGEST_DLQ", "khabar.ingest.dlq" + suffix);
    env.put("KHABAR_TOPIC_INGEST_SITES", "khabar.ingest.sites" + suffix);
    env.put("KHABAR_TOPIC_INGEST_REFETCHES", "khabar.ingest.refetches" + suffix);
    env.put("KHABAR_TOPIC_INGEST_POLITENESS", "khabar.ingest.politeness" + suffix);
    env.put("KHABAR_INGEST_GROUP_ID", "khabar-ingest" + suffix);
    env.put("KHABAR_TOPIC_PARTITIONS", "2");
    return env;
  }

  /**
   * {@link #env} and a crawl of the sites' feeds at test pace: a 100 ms delay per host, polls every
   * 200 ms to 1 s, one attempt per page, any port for the service's HTTP server.
   */
  static Map<String, String> crawling(List<LoopbackNewsSite> sites, String suffix) {
    Map<String, String> env = env(suffix);
    env.put(
        "KHABAR_INGEST_FEEDS",
        sites.stream().map(s -> s.baseUrl() + "/feed.xml").collect(Collectors.joining(",")));
    env.put("KHABAR_INGEST_ALLOW_PRIVATE", "127.0.0.0/24");
    env.put("KHABAR_INGEST_DELAY", "100ms");
    env.put("KHABAR_INGEST_MIN_POLL", "200ms");
    env.put("KHABAR_INGEST_MAX_POLL", "1s");
    env.put("KHABAR_INGEST_MAX_ATTEMPTS", "1");
    env.put("KHABAR_HTTP_PORT", "0");
    return env;
  }

  /** The configuration of one instance named {@code name}: its own id and User-Agent. */
  static IngestConfig instance(Map<String, String> shared, String name) throws Exception {
    Map<String, String> env = new HashMap<>(shared);
    env.put("KHABAR_INSTANCE_ID", name + "-" + shared.get("KHABAR_INGEST_GROUP_ID"));
    env.put("KHABAR_INGEST_USER_AGENT", "khabarbot-" + name + " (+mailto:desk@example.org)");
    return IngestConfig.fromEnv(new Env(env));
  }
}
