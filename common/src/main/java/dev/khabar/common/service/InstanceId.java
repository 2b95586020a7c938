package dev.khabar.common.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of one instance of a service, stable across its restarts: {@code KHABAR_INSTANCE_ID},
 * else the host name. Kafka knows an instance by it — its static group membership and its
 * transactional ids derive from it — so a successor with the same name takes over its partitions
 * and fences its open transactions at once, instead of waiting for the session or transaction
 * timeout. Two instances of one service must have different names.
 */
public record InstanceId(String value) {
  /** What Kafka accepts in a {@code group.instance.id}, with room left for prefixes. */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  public static final String VARIABLE = "KHABAR_INSTANCE_ID";

  public InstanceId {
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "instance id '" + value + "' is not valid: expected 1 to 200 of A-Z a-z 0-9 . _ -");
    }
  }

  /** {@code KHABAR_INSTANCE_ID}, else the host name. */
  public static InstanceId fromEnv(Env env) {
    Optional<String> configured = env.optional(VARIABLE);
    if (configured.isPresent()) {
      try {
        return new InstanceId(configured.get());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "setting "
                + VARIABLE
                + "='"
                + configured.get()
                + "' is not valid: expected 1 to 200"
                + " of A-Z a-z 0-9 . _ -",
            e);
      }
    }
    return fromHostName(hostName(env));
  }

  /** The host name with every character Kafka would refuse replaced by {@code -}. */
  static InstanceId fromHostName(String host) {
    String cleaned = host.strip().replaceAll("[^A-Za-z0-9._-]", "-");
    if (cleaned.length() > 200) {
      cleaned = cleaned.substring(0, 200);
    }
    return new InstanceId(cleaned.isEmpty() ? "localhost" : cleaned);
  }

  /**
   * {@code HOSTNAME} (set in containers), else {@code /etc/hostname}, else what the resolver says.
   */
  private static String hostName(Env env) {
    Optional<String> variable = env.optional("HOSTNAME");
    if (variable.isPresent()) {
      return variable.get();
    }
    try {
      String file = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
      if (!file.isEmpty()) {
        return file;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: ask the resolver.
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** This instance's name within a service, e.g. {@code khabar-indexer-web-3}. */
  public String qualified(String prefix) {
    return prefix + "-" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
