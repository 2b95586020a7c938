package dev.khabar.common.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link StageTimer} histograms read back from a service's Prometheus text ({@code /metrics}):
 * for each stage its count, its maximum and its percentiles estimated from the buckets, as
 * Prometheus's {@code histogram_quantile} does (the upper bound of the bucket the rank falls in,
 * interpolated linearly within it). Immutable.
 */
public final class StageHistograms {
  private static final Pattern SAMPLE =
      Pattern.compile("^" + StageTimer.NAME + "_seconds_(bucket|count|max)\\{([^}]*)\\}\\s+(\\S+)");
  private static final Pattern STAGE = Pattern.compile("stage=\"([^\"]*)\"");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]*)\"");

  /** One stage: cumulative bucket counts by upper bound (seconds), count, maximum (seconds). */
  public record Stage(String name, TreeMap<Double, Double> buckets, long count, double max) {
    /**
     * The estimated {@code q}-quantile in seconds (0 when nothing was recorded); never above the
     * recorded maximum.
     */
    public double quantile(double q) {
      if (count == 0) {
        return 0;
      }
      double rank = q * count;
      double lower = 0;
      double below = 0;
      for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
        if (bucket.getValue() >= rank) {
          double upper = bucket.getKey().isInfinite() ? max : bucket.getKey();
          double inBucket = bucket.getValue() - below;
          double estimate =
              inBucket == 0 ? upper : lower + (upper - lower) * (rank - below) / inBucket;
          return Math.min(estimate, max);
        }
        lower = bucket.getKey();
        below = bucket.getValue();
      }
      return max;
    }
  }

  private final Map<String, Stage> stages;

  private StageHistograms(Map<String, Stage> stages) {
    this.stages = stages;
  }

  /** Reads the stage histograms out of Prometheus text exposition. */
  public static StageHistograms parse(String prometheusText) {
    Map<String, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Double> maxima = new LinkedHashMap<>();
    for (String line : prometheusText.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.find()) {
        continue;
      }
      Matcher stage = STAGE.matcher(sample.group(2));
      if (!stage.find()) {
        continue;
      }
      String name = stage.group(1);
      double value = Double.parseDouble(sample.group(3));
      switch (sample.group(1)) {
        case "bucket" -> {
          Matcher le = LE.matcher(sample.group(2));
          if (le.find()) {
            double bound =
                le.group(1).equals("+Inf")
                    ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(le.group(1));
            buckets.computeIfAbsent(name, n -> new TreeMap<>()).merge(bound, value, Double::sum);
          }
        }
        case "count" -> counts.merge(name, (long) value, Long::sum);
        default -> maxima.merge(name, value, Math::max);
      }
    }
    Map<String, Stage> stages = new LinkedHashMap<>();
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      String name = count.getKey();
      stages.put(
          name,
          new Stage(
              name,
              buckets.getOrDefault(name, new TreeMap<>()),
              count.getValue(),
              maxima.getOrDefault(name, 0.0)));
    }
    return new StageHistograms(stages);
  }

  /** Fetches {@code http://HOST:PORT/metrics} and reads its stage histograms. */
  public static StageHistograms scrape(URI metrics) throws IOException, InterruptedException {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(metrics + " answered " + response.statusCode());
      }
      return parse(response.body());
    }
  }

  /**
   * What was recorded between {@code earlier} and this reading of the same process: bucket counts
   * and counts subtracted. The maximum of the difference is not known from the buckets alone; it is
   * given as the upper bound of the highest bucket that grew (the process's maximum when that is
   * the open-ended one).
   */
  public StageHistograms minus(StageHistograms earlier) {
    Map<String, Stage> difference = new LinkedHashMap<>();
    for (Stage stage : stages.values()) {
      Stage before = earlier.stage(stage.name());
      TreeMap<Double, Double> buckets = new TreeMap<>();
      double highest = 0;
      double previous = 0;
      for (Map.Entry<Double, Double> bucket : stage.buckets().entrySet()) {
        double grown = bucket.getValue() - before.buckets().getOrDefault(bucket.getKey(), 0.0);
        buckets.put(bucket.getKey(), grown);
        if (grown > previous) {
          highest = bucket.getKey();
        }
        previous = grown;
      }
      double max = Double.isInfinite(highest) ? stage.max() : highest;
      difference.put(
          stage.name(), new Stage(stage.name(), buckets, stage.count() - before.count(), max));
    }
    return new StageHistograms(difference);
  }

  /** The records of both, as if one process had recorded them. */
  public StageHistograms plus(StageHistograms other) {
    Map<String, Stage> sum = new LinkedHashMap<>(stages);
    for (Stage stage : other.stages.values()) {
      Stage mine = stage(stage.name());
      TreeMap<Double, Double> buckets = new TreeMap<>(mine.buckets());
      stage.buckets().forEach((bound, count) -> buckets.merge(bound, count, Double::sum));
      sum.put(
          stage.name(),
          new Stage(
              stage.name(),
              buckets,
              mine.count() + stage.count(),
              Math.max(mine.max(), stage.max())));
    }
    return new StageHistograms(sum);
  }

  /** Nothing recorded. */
  public static StageHistograms empty() {
    return new StageHistograms(Map.of());
  }

  /** The stages found, in the order they appeared. */
  public List<Stage> stages() {
    return new ArrayList<>(stages.values());
  }

  /** The stage of that name, or a stage with nothing recorded. */
  public Stage stage(String name) {
    Stage stage = stages.get(name);
    return stage != null ? stage : new Stage(name, new TreeMap<>(), 0, 0);
  }
}
