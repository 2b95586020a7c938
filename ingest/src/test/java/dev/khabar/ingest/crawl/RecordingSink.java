package dev.khabar.ingest.crawl;

import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.RawPage;
import dev.khabar.ingest.publish.PageSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Keeps what the crawl hands over, in order, for tests to read. */
final class RecordingSink implements PageSink {
  /** One dead-letter record. */
  record DeadLetter(String url, String sourceId, String outcome, String reason) {}

  /** One re-fetch plan kept, or its end ({@code plan} null). */
  record Plan(String url, String sourceId, @Nullable RefetchPlan plan) {}

  final List<RawPage> pages = new CopyOnWriteArrayList<>();
  final List<Plan> plans = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  final List<Host> hosts = new CopyOnWriteArrayList<>();

  /** One host's politeness kept. */
  record Host(String host, String siteId, byte[] politeness) {}

  @Override
  public void publish(RawPage page, byte @Nullable [] refetchPlan) {
    pages.add(page);
    if (refetchPlan != null) {
      keepRefetchPlan(page.url(), page.sourceId(), refetchPlan);
    }
  }

  @Override
  public void keepHostPoliteness(String host, String siteId, byte[] politeness) {
    hosts.add(new Host(host, siteId, politeness));
  }

  @Override
  public void deadLetter(String url, String sourceId, String outcome, String reason) {
    deadLetters.add(new DeadLetter(url, sourceId, outcome, reason));
  }

  @Override
  public void keepRefetchPlan(String url, String sourceId, byte @Nullable [] plan) {
    plans.add(
        new Plan(url, sourceId, plan == null ? null : Json.fromBytes(plan, RefetchPlan.class)));
  }

  @Override
  public boolean flush(Duration timeout) {
    return true;
  }

  List<String> urls() {
    return pages.stream().map(RawPage::url).toList();
  }
}
