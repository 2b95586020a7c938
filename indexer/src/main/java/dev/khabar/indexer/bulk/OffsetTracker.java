package dev.khabar.indexer.bulk;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are still in flight. The committable offset of a partition is its
 * lowest pending offset, or one past the highest seen when none is pending: a record is never
 * committed before every record before it is done. Thread-safe.
 */
final class OffsetTracker {
  private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
  private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private int pendingCount;

  synchronized void started(TopicPartition partition, long offset) {
    pending.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    nextOffset.merge(partition, offset + 1, Math::max);
    pendingCount++;
  }

  synchronized void done(TopicPartition partition, long offset) {
    TreeSet<Long> offsets = pending.get(partition);
    if (offsets != null && offsets.remove(offset)) {
      pendingCount--;
    }
  }

  synchronized int pendingCount() {
    return pendingCount;
  }

  synchronized int pendingCount(TopicPartition partition) {
    TreeSet<Long> offsets = pending.get(partition);
    return offsets == null ? 0 : offsets.size();
  }

  /** Offsets that moved since the last call, ready for {@code commitSync}. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> entry : nextOffset.entrySet()) {
      TopicPartition partition = entry.getKey();
      TreeSet<Long> inFlight = pending.get(partition);
      long offset = inFlight == null || inFlight.isEmpty() ? entry.getValue() : inFlight.first();
      if (!Long.valueOf(offset).equals(committed.get(partition))) {
        offsets.put(partition, new OffsetAndMetadata(offset));
      }
    }
    return offsets;
  }

  synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
  }

  /** Forgets a partition this consumer no longer owns. */
  synchronized void forget(TopicPartition partition) {
    TreeSet<Long> offsets = pending.remove(partition);
    if (offsets != null) {
      pendingCount -= offsets.size();
    }
    nextOffset.remove(partition);
    committed.remove(partition);
  }
}
