package dev.khabar.ingest.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.khabar.common.service.Env;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the sources file (JSON): {@code {"defaults": {...}, "sites": [{...}]}}. Each site takes
 * {@code id}, {@code feeds}, {@code sitemaps}, {@code sections}, {@code article_pattern}, {@code
 * min_poll}, {@code max_poll}, {@code delay}, {@code user_agent}, {@code allowed_hosts}, {@code
 * max_age}; durations as {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601. An unknown key is an
 * error, not a silent default.
 */
public final class SourcesFile {
  private static final Set<String> KEYS =
      Set.of(
          "id",
          "feeds",
          "sitemaps",
          "sections",
          "article_pattern",
          "min_poll",
          "max_poll",
          "delay",
          "user_agent",
          "allowed_hosts",
          "max_age");

  /** The defaults a site inherits when it does not say. */
  public record Defaults(Duration minPoll, Duration maxPoll, Duration delay, Duration maxAge) {
    public static final Defaults STANDARD =
        new Defaults(
            Duration.ofMinutes(1),
            Duration.ofMinutes(30),
            Duration.ofSeconds(2),
            Duration.ofDays(3));
  }

  private SourcesFile() {}

  public static List<Site> read(Path path, Defaults defaults) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString(), defaults);
    }
  }

  /** The bundled list of real Arabic and English news sources. */
  public static List<Site> bundled(Defaults defaults) throws IOException {
    try (InputStream in =
        SourcesFile.class.getResourceAsStream("/dev/khabar/ingest/default-sources.json")) {
      if (in == null) {
        throw new IOException("default-sources.json is missing from the jar");
      }
      return read(in, "default-sources.json", defaults);
    }
  }

  static List<Site> read(InputStream in, String name, Defaults defaults) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.path("sites").isArray()) {
      throw new IllegalArgumentException(name + ": expected {\"sites\": [...]}");
    }
    Defaults effective = defaults(root.path("defaults"), defaults, name);
    List<Site> sites = new ArrayList<>();
    for (JsonNode node : root.path("sites")) {
      sites.add(site(node, effective, name));
    }
    return List.copyOf(sites);
  }

  private static Defaults defaults(JsonNode node, Defaults fallback, String name) {
    if (node.isMissingNode()) {
      return fallback;
    }
    Env env = asEnv(node);
    return new Defaults(
        env.duration("min_poll", fallback.minPoll()),
        env.duration("max_poll", fallback.maxPoll()),
        env.duration("delay", fallback.delay()),
        env.duration("max_age", fallback.maxAge()));
  }

  private static Site site(JsonNode node, Defaults defaults, String name) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String field = property.getKey();
      if (!KEYS.contains(field)) {
        throw new IllegalArgumentException(
            name + ": unknown key '" + field + "' in site " + node.path("id").asText("?"));
      }
    }
    Env env = asEnv(node);
    String id = node.path("id").asText("");
    Optional<Pattern> pattern;
    try {
      pattern = env.optional("article_pattern").map(Pattern::compile);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(name + ": site " + id + ": bad article_pattern", e);
    }
    return new Site(
        id,
        strings(node.path("feeds")),
        strings(node.path("sitemaps")),
        strings(node.path("sections")),
        pattern,
        env.duration("min_poll", defaults.minPoll()),
        env.duration("max_poll", defaults.maxPoll()),
        env.duration("delay", defaults.delay()),
        env.optional("user_agent"),
        new TreeSet<>(strings(node.path("allowed_hosts"))),
        env.duration("max_age", defaults.maxAge()));
  }

  /** Scalar fields read through {@link Env}, so durations parse the same as in the environment. */
  private static Env asEnv(JsonNode node) {
    Map<String, String> values = new java.util.HashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isValueNode()) {
        values.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return new Env(values);
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asText()));
    return values;
  }
}
