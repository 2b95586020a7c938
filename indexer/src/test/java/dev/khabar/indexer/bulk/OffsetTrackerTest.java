package dev.khabar.indexer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private final TopicPartition p0 = new TopicPartition("khabar.articles", 0);
  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void commitsOnlyUpToTheFirstUnfinishedRecord() {
    tracker.started(p0, 10);
    tracker.started(p0, 11);
    tracker.started(p0, 12);
    tracker.done(p0, 10);
    tracker.done(p0, 12);

    assertEquals(Map.of(p0, new OffsetAndMetadata(11)), tracker.committable());
  }

  @Test
  void commitsPastTheLastRecordWhenAllAreDone() {
    tracker.started(p0, 10);
    tracker.started(p0, 11);
    tracker.done(p0, 11);
    tracker.done(p0, 10);

    assertEquals(Map.of(p0, new OffsetAndMetadata(12)), tracker.committable());
    assertEquals(0, tracker.pendingCount());
  }

  @Test
  void doesNotRepeatACommit() {
    tracker.started(p0, 1);
    tracker.done(p0, 1);
    tracker.committed(tracker.committable());

    assertEquals(Map.of(), tracker.committable());
  }

  @Test
  void forgottenPartitionNoLongerCounts() {
    tracker.started(p0, 1);
    tracker.forget(p0);
    tracker.done(p0, 1);

    assertEquals(0, tracker.pendingCount());
    assertEquals(Map.of(), tracker.committable());
  }
}
