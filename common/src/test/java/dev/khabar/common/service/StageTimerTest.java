package dev.khabar.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StageTimerTest {
  private static final Instant T = Instant.parse("2024-12-11T10:15:00Z");

  @Test
  void recordedSpansComeBackFromThePrometheusTextAsAHistogramOfTheirStage() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StageTimer timer = StageTimer.of(registry, "fetch_to_published");
    timer.record(T, T.plusMillis(100));
    timer.record(T, T.plusMillis(200));
    timer.record(T, T.plusSeconds(3));

    StageHistograms.Stage stage =
        StageHistograms.parse(registry.scrape()).stage("fetch_to_published");

    assertEquals(3, stage.count());
    assertEquals(3.0, stage.max(), 1e-9);
    double median = stage.quantile(0.5);
    assertTrue(median > 0.1 && median <= 0.25, "median " + median);
    assertEquals(3.0, stage.quantile(1.0), 0.5);
  }

  @Test
  void aSpanThatEndsBeforeItStartsCountsAsZero() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StageTimer.of(registry, "published_to_enriched").record(T, T.minusSeconds(2));

    StageHistograms.Stage stage =
        StageHistograms.parse(registry.scrape()).stage("published_to_enriched");

    assertEquals(1, stage.count());
    assertEquals(0.0, stage.max(), 1e-9);
  }

  @Test
  void theDifferenceOfTwoReadingsHoldsOnlyWhatWasRecordedInBetween() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StageTimer timer = StageTimer.of(registry, "enriched_to_indexed");
    timer.record(T, T.plusSeconds(30));
    StageHistograms before = StageHistograms.parse(registry.scrape());
    timer.record(T, T.plusMillis(100));
    timer.record(T, T.plusMillis(120));

    StageHistograms between = StageHistograms.parse(registry.scrape()).minus(before);
    StageHistograms.Stage window = between.stage("enriched_to_indexed");

    assertEquals(2, window.count());
    assertTrue(window.max() >= 0.12 && window.max() < 1, "max " + window.max());
    assertEquals(3, between.plus(before).stage("enriched_to_indexed").count());
  }

  @Test
  void aStageNeverRecordedReadsAsEmpty() {
    StageHistograms.Stage stage = StageHistograms.parse("").stage("indexed_to_searchable");

    assertEquals(0, stage.count());
    assertEquals(0.0, stage.quantile(0.95), 1e-9);
  }
}
