package dev.khabar.ingest.sources;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who publishes a host: its registrable domain by the public suffix list, so that {@code
 * news.example.co.uk} and {@code sport.example.co.uk} are one publisher, {@code example.co.uk}, and
 * {@code a.github.io} and {@code b.github.io} two. An IP address, a single-label name and a name
 * under no known suffix are each their own publisher.
 */
public final class Publisher {
  private static final Pattern IP = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");

  private Publisher() {}

  /** The registrable domain of {@code host}, lower case, without a trailing dot. */
  public static String of(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (IP.matcher(name).matches() || name.indexOf('.') < 0) {
      return name;
    }
    @Nullable String domain = EffectiveTldFinder.getAssignedDomain(name, true, false);
    return domain == null || domain.isEmpty() ? name : domain;
  }

  /** Whether two hosts belong to one publisher. */
  public static boolean same(String a, String b) {
    return of(a).equals(of(b));
  }
}
