package dev.khabar.ingest;

import dev.khabar.embedded.SharedServices;
import dev.khabar.ingest.address.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
}
