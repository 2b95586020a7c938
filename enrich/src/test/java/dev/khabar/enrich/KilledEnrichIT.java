package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.ServiceProcess;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.embedded.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts of enrich as an operator sees them. Killed (SIGKILL), an instance neither leaves its
 * group nor ends its transactions: its successor with the same instance id and state directory must
 * be at work within seconds, not after the dead members' 45 s session timeout. Stopped (SIGTERM),
 * an instance leaves its group at once.
 */
class KilledEnrichIT {
  @TempDir Path state;
  @TempDir Path logs;

  @Test
  void aSuccessorWithTheSameInstanceIdEnrichesWithinSecondsOfAKill() throws Exception {
    String suffix = "-kill-" + System.nanoTime();
    String bootstrap = SharedServices.kafka().bootstrapServers();
    SharedServices.kafka().createTopic("khabar.pages.raw" + suffix, 2);
    Map<String, String> env = env(bootstrap, suffix);
    try (TopicWriter writer = new TopicWriter(bootstrap)) {
      send(writer, suffix, 0, 4);
      try (ServiceProcess first =
          ServiceProcess.start(EnrichService.class, env, logs.resolve("enrich.log"))) {
        try {
          TopicReader.read(
              bootstrap, "khabar.articles" + suffix, 4, Duration.ofSeconds(120), Duration.ZERO);
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "\n" + first.output(), e);
        }
        send(writer, suffix, 4, 6);
        Thread.sleep(200);
        assertTrue(first.isAlive(), first.output());
        first.kill();
      }
      send(writer, suffix, 6, 10);
    }

    long started = System.nanoTime();
    try (EnrichService successor = new EnrichService(EnrichConfig.fromEnv(new Env(env)))) {
      successor.start();
      List<ConsumerRecord<byte[], byte[]>> articles =
          TopicReader.read(
              bootstrap, "khabar.articles" + suffix, 10, Duration.ofSeconds(20), Duration.ZERO);
      long seconds = (System.nanoTime() - started) / 1_000_000_000;
      assertTrue(seconds < 20, "successor took " + seconds + " s");
      assertEquals(10, keys(articles).size(), "every page became an article");
      List<ConsumerRecord<byte[], byte[]>> settled =
          TopicReader.read(
              bootstrap,
              "khabar.articles" + suffix,
              10,
              Duration.ofSeconds(5),
              Duration.ofSeconds(2));
      assertEquals(10, settled.size(), "each page once, across the kill");
    }
  }

  @Test
  void aStoppedInstanceLeavesItsGroup() throws Exception {
    String suffix = "-stop-" + System.nanoTime();
    String bootstrap = SharedServices.kafka().bootstrapServers();
    SharedServices.kafka().createTopic("khabar.pages.raw" + suffix, 2);
    String group = "khabar-enrich" + suffix;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      try (EnrichService service =
          new EnrichService(EnrichConfig.fromEnv(new Env(env(bootstrap, suffix))))) {
        service.start();
        awaitMembers(admin, group, 1);
      }
      assertEquals(0, members(admin, group), "members of " + group + " right after the stop");
    }
  }

  private static void awaitMembers(Admin admin, String group, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int members = -1;
    while (System.nanoTime() < deadline) {
      members = members(admin, group);
      if (members == expected) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(group + ": expected " + expected + " members, got " + members);
  }

  private static int members(Admin admin, String group) throws Exception {
    return admin
        .describeConsumerGroups(List.of(group))
        .describedGroups()
        .get(group)
        .get()
        .members()
        .size();
  }

  private Map<String, String> env(String bootstrap, String suffix) {
    Map<String, String> env = EnrichFixtures.env(bootstrap, suffix, state);
    env.put("KHABAR_INSTANCE_ID", "enrich-1");
    return env;
  }

  private static void send(TopicWriter writer, String suffix, int from, int to) {
    for (int i = from; i < to; i++) {
      RawPage page = page(i);
      writer.send("khabar.pages.raw" + suffix, page.url(), Json.toBytes(page));
    }
  }

  private static Set<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(r -> new String(r.key(), StandardCharsets.UTF_8))
        .collect(Collectors.toSet());
  }

  private static RawPage page(int number) {
    return EnrichFixtures.page("site" + (number % 3), number, "");
  }
}
