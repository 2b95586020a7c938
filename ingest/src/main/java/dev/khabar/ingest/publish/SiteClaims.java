package dev.khabar.ingest.publish;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whose pages this instance may publish: the sites it crawls, and the proof Kafka checks that it
 * still does when several instances share the sites. Implementations are thread-safe.
 */
public interface SiteClaims {
  /** Every site's pages, with nothing to prove: one instance crawling all its sources. */
  SiteClaims ALL =
      new SiteClaims() {
        @Override
        public boolean mayPublish(String sourceId) {
          return true;
        }

        @Override
        public Optional<Proof> proof(Collection<String> sourceIds) {
          return Optional.empty();
        }
      };

  /**
   * Offsets committed in a page transaction as this group member: the group coordinator refuses
   * them, and with them the whole transaction, once the member has been replaced or has lost its
   * place in the group. So a crawler the others gave up for dead cannot publish pages of sites
   * another instance now crawls.
   *
   * @param group the member and generation the offsets are committed as
   * @param offsets an offset for each partition whose sites have pages in the transaction
   */
  record Proof(ConsumerGroupMetadata group, Map<TopicPartition, OffsetAndMetadata> offsets) {
    public Proof {
      offsets = Map.copyOf(offsets);
    }
  }

  /** Whether pages of the site may still be published by this instance. */
  boolean mayPublish(String sourceId);

  /** The proof to commit with pages of these sites; empty when none is needed. */
  Optional<Proof> proof(Collection<String> sourceIds);
}
