package dev.khabar.ingest.share;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic the ingest instances share (the seen URLs, the re-fetch plans, the politeness of
 * the sites' hosts) from its beginning, then follows it while the service runs, committed records
 * only, handing each record to a handler: what every instance writes reaches every other, so an
 * instance that takes a site over knows what the site's previous crawler wrote. {@link
 * #awaitCaughtUp} waits until what was committed before the call has been read. One named daemon
 * thread, {@code khabar-tail-<topic>}, owns the consumer. Thread-safe.
 */
public final class TopicTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

  /** A caller waiting for the reader to reach the end offsets taken after it asked. */
  private static final class Waiter {
    final CompletableFuture<Void> reached = new CompletableFuture<>();
    @Nullable Map<TopicPartition, Long> target;
  }

  /** What is done with each record read. */
  @FunctionalInterface
  public interface Handler {
    void accept(byte[] key, byte @Nullable [] value);
  }

  private final String topic;
  private final Handler handler;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean closing;
  private volatile @Nullable RuntimeException stoppedBy;

  private TopicTail(Map<String, Object> clientProperties, String topic, Handler handler) {
    this.topic = topic;
    this.handler = handler;
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    this.consumer = new KafkaConsumer<>(properties);
    for (PartitionInfo info : partitionsOf(consumer, topic, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread =
        Thread.ofPlatform().name("khabar-tail-" + topic).daemon(true).unstarted(this::run);
  }

  /**
   * The topic's partitions. A topic created a moment ago may not be in the broker's metadata yet,
   * which then answers with none: asked again until it has some.
   */
  private static List<PartitionInfo> partitionsOf(
      KafkaConsumer<byte[], byte[]> consumer, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (!infos.isEmpty()) {
        return infos;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " has no partitions");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while looking up " + topic, e);
      }
    }
  }

  /**
   * Starts reading the topic from its beginning, each record to {@code handler}, and following it;
   * {@link #awaitStart} waits until it has read what the topic held when it started.
   */
  public static TopicTail follow(
      Map<String, Object> clientProperties, String topic, Handler handler) {
    TopicTail tail = new TopicTail(clientProperties, topic, handler);
    tail.thread.start();
    return tail;
  }

  /**
   * Waits up to {@code timeout} until every tail has read its topic to the end it had at the call;
   * the tails read at the same time. A tail that does not is closed and named in the error.
   */
  public static void awaitStart(List<TopicTail> tails, Duration timeout)
      throws InterruptedException {
    long started = System.nanoTime();
    for (TopicTail tail : tails) {
      Duration left = timeout.minusNanos(System.nanoTime() - started);
      if (!tail.awaitCaughtUp(left.isNegative() ? Duration.ZERO : left)) {
        tail.close();
        throw new IllegalStateException(
            "could not read " + tail.topic + " to its end in " + timeout);
      }
      LOG.info(
          "read {} to its end in {} ms", tail.topic, (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Reads the topic to its current end, each record to {@code handler} (waiting up to {@code
   * timeout}), then keeps following it.
   */
  public static TopicTail start(
      Map<String, Object> clientProperties, String topic, Handler handler, Duration timeout)
      throws InterruptedException {
    TopicTail tail = follow(clientProperties, topic, handler);
    awaitStart(List.of(tail), timeout);
    return tail;
  }

  /**
   * Waits up to {@code timeout} until every record committed before the call has been read; true
   * when it has.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    Waiter waiter = new Waiter();
    waiters.add(waiter);
    RuntimeException stopped = stoppedBy;
    if (stopped != null) {
      // The reader stopped before this waiter came: nothing would ever answer it.
      waiters.remove(waiter);
      throw new IllegalStateException("the reader of " + topic + " stopped", stopped);
    }
    try {
      waiter.reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the reader of " + topic + " stopped", e.getCause());
    } finally {
      waiters.remove(waiter);
    }
  }

  private void run() {
    try {
      while (!closing) {
        // Answered before polling too: a topic already read to its end (an empty one at the
        // start) says so at once instead of after a poll's wait.
        answerWaiters();
        Duration wait = waiters.isEmpty() ? Duration.ofMillis(200) : Duration.ofMillis(20);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
          if (record.key() != null) {
            handler.accept(record.key(), record.value());
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (KafkaException | IllegalStateException e) {
      LOG.error("stopped following {}: {}", topic, e.toString());
      stoppedBy = e;
      waiters.forEach(w -> w.reached.completeExceptionally(e));
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }

  private void answerWaiters() {
    for (Waiter waiter : waiters) {
      if (waiter.target == null) {
        try {
          // With read_committed these are the last stable offsets: what is committed now.
          waiter.target = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(5)));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          continue; // Kafka unreachable for now: asked again after the next poll
        }
      }
      Map<TopicPartition, Long> target = waiter.target;
      if (partitions.stream().allMatch(p -> consumer.position(p) >= target.get(p))) {
        waiter.reached.complete(null);
      }
    }
  }

  @Override
  public String toString() {
    return topic;
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
