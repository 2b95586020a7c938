package dev.khabar.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the crawler may connect to a host: by default never to loopback, private,
 * link-local, multicast or unspecified addresses, so that a hostile feed cannot point the crawler
 * inside the network. Every address the host resolves to must pass. Thread-safe.
 */
public final class AddressGuard {
  /** Looks up the addresses of a host name; injectable so tests never touch real DNS. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  private final Resolver resolver;
  private final boolean allowLoopback;

  public AddressGuard(Resolver resolver, boolean allowLoopback) {
    this.resolver = resolver;
    this.allowLoopback = allowLoopback;
  }

  /** The reason the host is refused, or empty when every address it resolves to is public. */
  public Optional<String> refusal(String host) {
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    }
    if (addresses.isEmpty()) {
      return Optional.of("no address for " + host);
    }
    for (InetAddress address : addresses) {
      Optional<String> reason = refusal(address);
      if (reason.isPresent()) {
        return Optional.of(host + " resolves to " + reason.get());
      }
    }
    return Optional.empty();
  }

  private Optional<String> refusal(InetAddress address) {
    String text = address.getHostAddress();
    if (address.isLoopbackAddress()) {
      return allowLoopback ? Optional.empty() : Optional.of("loopback address " + text);
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("unspecified address " + text);
    }
    if (address.isSiteLocalAddress()
        || isUniqueLocalIpv6(address)
        || isSharedOrBenchmark(address)) {
      return Optional.of("private address " + text);
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("link-local address " + text);
    }
    if (address.isMulticastAddress()) {
      return Optional.of("multicast address " + text);
    }
    return Optional.empty();
  }

  /** fc00::/7, which {@link InetAddress#isSiteLocalAddress()} does not cover. */
  private static boolean isUniqueLocalIpv6(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }

  /** 100.64.0.0/10 (carrier-grade NAT) and 198.18.0.0/15: not public, not "site-local" to Java. */
  private static boolean isSharedOrBenchmark(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != 4) {
      return false;
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return (first == 100 && second >= 64 && second <= 127)
        || (first == 198 && (second == 18 || second == 19))
        || first == 0;
  }
}
