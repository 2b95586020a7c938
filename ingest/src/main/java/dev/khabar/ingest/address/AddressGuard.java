package dev.khabar.ingest.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides where the crawler may connect: a host is looked up once, every address it resolves to
 * must be public ({@link SpecialPurpose}) or allowed ({@link AllowList}), and the answer names the
 * one address to connect to, so that no second lookup can change it between the check and the
 * connection (DNS rebinding). Thread-safe.
 */
public final class AddressGuard {
  /** Looks up the addresses of a host name; injectable so tests never touch real DNS. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system's resolver; an IP literal is parsed, not looked up. */
    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  /** The guard's answer for one host and port. */
  public sealed interface Verdict {}

  /** The host may be reached; connect to {@code address} and nowhere else. */
  public record Admitted(String host, int port, InetAddress address) implements Verdict {}

  /** The host may not be reached, for the reason given. */
  public record Refused(String reason) implements Verdict {}

  private final Resolver resolver;
  private final AllowList allowed;

  public AddressGuard(Resolver resolver, AllowList allowed) {
    this.resolver = resolver;
    this.allowed = allowed;
  }

  /**
   * Looks {@code host} up and checks each of its addresses for a connection to {@code port}. An IP
   * literal, with or without brackets, is its own single address.
   */
  public Verdict check(String host, int port) {
    String name = bare(host).toLowerCase(Locale.ROOT);
    List<InetAddress> addresses;
    Optional<InetAddress> literal = IpLiteral.parse(name);
    if (literal.isPresent()) {
      addresses = List.of(literal.get());
    } else {
      try {
        addresses = resolver.resolve(name);
      } catch (UnknownHostException e) {
        return new Refused("unknown host " + name);
      }
    }
    if (addresses.isEmpty()) {
      return new Refused("no address for " + name);
    }
    for (InetAddress address : addresses) {
      Optional<String> reason = SpecialPurpose.reason(address);
      if (reason.isPresent() && !allowed.allows(name, port, address)) {
        return new Refused(
            (literal.isPresent() ? "" : name + " resolves to ")
                + reason.get()
                + (port > 0 ? ", port " + port : "")
                + ", not in KHABAR_INGEST_ALLOW_PRIVATE");
      }
    }
    return new Admitted(name, port, addresses.get(0));
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
