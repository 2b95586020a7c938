package dev.khabar.common.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one stage of the pipeline took for each record, as the timer {@code khabar_stage} with
 * the tag {@code stage} (in Prometheus {@code khabar_stage_seconds_bucket{stage="..."}}, {@code
 * _count}, {@code _sum} and {@code _max}). Histogram buckets rather than client-side percentiles,
 * so that percentiles can be computed over any window and across instances. Thread-safe.
 */
public final class StageTimer {
  /** Prometheus metric name without its {@code _seconds} suffix. */
  public static final String NAME = "khabar_stage";

  private final Timer timer;

  private StageTimer(Timer timer) {
    this.timer = timer;
  }

  /** Registers (or finds) the timer of {@code stage}, e.g. {@code fetch_to_published}. */
  public static StageTimer of(MeterRegistry registry, String stage) {
    return new StageTimer(
        Timer.builder(NAME)
            .description("time a record spent in one stage of the pipeline")
            .tag("stage", stage)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry));
  }

  /**
   * Records the time from {@code from} to {@code to}; a negative span (clocks of two hosts apart)
   * counts as zero, so that the count still says how many records went through.
   */
  public void record(Instant from, Instant to) {
    Duration took = Duration.between(from, to);
    timer.record(took.isNegative() ? Duration.ZERO : took);
  }

  public long count() {
    return timer.count();
  }
}
