package dev.khabar.common.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Typed, validated reads of environment variables. A value that does not parse is an error that
 * names the variable and the value, never a silent fallback to the default.
 */
public final class Env {
  private final Map<String, String> variables;
  private final Set<String> read = ConcurrentHashMap.newKeySet();

  public Env(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The names asked for so far, set or not: what a configuration reads. */
  public Set<String> namesRead() {
    return Set.copyOf(read);
  }

  public static Env system() {
    return new Env(System.getenv());
  }

  /**
   * The environment of a service's process, refused when it holds a {@code KHABAR_*} name Khabar
   * does not read ({@link KnownVariables#requireKnown}).
   */
  public static Env service() {
    KnownVariables.requireKnown(System.getenv());
    return system();
  }

  public String string(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public Optional<String> optional(String name) {
    read.add(name);
    @Nullable String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw invalid(name, value.get(), "a whole number");
    }
    if (parsed < min || parsed > max) {
      throw invalid(name, value.get(), "a number from " + min + " to " + max);
    }
    return parsed;
  }

  public long bytes(String name, long defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    String text = value.get().toUpperCase(java.util.Locale.ROOT);
    long unit = 1;
    if (text.endsWith("KB")) {
      unit = 1024;
    } else if (text.endsWith("MB")) {
      unit = 1024 * 1024;
    } else if (text.endsWith("GB")) {
      unit = 1024L * 1024 * 1024;
    }
    String digits = unit == 1 ? text : text.substring(0, text.length() - 2).trim();
    try {
      long parsed = Long.parseLong(digits) * unit;
      if (parsed <= 0) {
        throw invalid(name, value.get(), "a positive size such as 5MB");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid(name, value.get(), "a size such as 5242880, 512KB or 5MB");
    }
  }

  /**
   * A duration as ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s},
   * {@code 5m}, {@code 1h}, {@code 2d}.
   */
  public Duration duration(String name, Duration defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    String text = value.get().toLowerCase(java.util.Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default ->
            throw invalid(name, value.get(), "a duration such as 500ms, 30s, 5m, 2d or PT1H");
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw invalid(name, value.get(), "a duration such as 500ms, 30s, 5m, 2d or PT1H");
    }
  }

  public boolean flag(String name, boolean defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw invalid(name, value.get(), "true or false");
    };
  }

  /** A comma-separated list; empty items are dropped. */
  public List<String> list(String name, List<String> defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    List<String> items = new ArrayList<>();
    for (String item : value.get().split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return List.copyOf(items);
  }

  private static IllegalArgumentException invalid(String name, String value, String expected) {
    return new IllegalArgumentException(
        "setting " + name + "='" + value + "' is not valid: expected " + expected);
  }
}
