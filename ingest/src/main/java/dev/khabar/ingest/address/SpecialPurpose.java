package dev.khabar.ingest.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The blocks of the IANA IPv4 and IPv6 special-purpose address registries that are not globally
 * reachable, and the blocks reserved or deprecated besides: an address in none of them is public.
 * An IPv6 address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64 {@code
 * 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by that IPv4 address too. Thread-safe.
 */
public final class SpecialPurpose {
  private record Block(Cidr cidr, String name) {}

  private static final List<Block> IPV4 =
      List.of(
          block("0.0.0.0/8", "\"this network\""),
          block("10.0.0.0/8", "private"),
          block("100.64.0.0/10", "shared (carrier-grade NAT)"),
          block("127.0.0.0/8", "loopback"),
          block("169.254.0.0/16", "link-local"),
          block("172.16.0.0/12", "private"),
          block("192.0.0.0/24", "IETF protocol assignments"),
          block("192.0.2.0/24", "documentation (TEST-NET-1)"),
          block("192.88.99.0/24", "6to4 relay anycast (deprecated)"),
          block("192.168.0.0/16", "private"),
          block("198.18.0.0/15", "benchmarking"),
          block("198.51.100.0/24", "documentation (TEST-NET-2)"),
          block("203.0.113.0/24", "documentation (TEST-NET-3)"),
          block("224.0.0.0/4", "multicast"),
          block("240.0.0.0/4", "reserved"),
          block("255.255.255.255/32", "limited broadcast"));

  private static final List<Block> IPV6 =
      List.of(
          block("::/128", "unspecified"),
          block("::1/128", "loopback"),
          block("64:ff9b:1::/48", "local-use NAT64"),
          block("100::/64", "discard-only"),
          block("2001::/32", "Teredo"),
          block("2001:2::/48", "benchmarking"),
          block("2001:10::/28", "ORCHID (deprecated)"),
          block("2001:db8::/32", "documentation"),
          block("3fff::/20", "documentation"),
          block("5f00::/16", "segment routing (SRv6) SIDs"),
          block("fc00::/7", "unique local"),
          block("fe80::/10", "link-local"),
          block("fec0::/10", "site-local (deprecated)"),
          block("ff00::/8", "multicast"));

  private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
  private static final Cidr COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private SpecialPurpose() {}

  /**
   * Why {@code address} is not public, e.g. {@code "private address 10.1.2.3"}; empty when it is.
   */
  public static Optional<String> reason(InetAddress address) {
    byte[] bytes = address.getAddress();
    String text = address.getHostAddress();
    if (bytes.length == 4) {
      return ipv4(bytes).map(name -> name + " address " + text);
    }
    Optional<byte[]> embedded = embeddedIpv4(bytes);
    if (embedded.isPresent()) {
      return ipv4(embedded.get())
          .map(name -> name + " address " + dotted(embedded.get()) + " inside " + text);
    }
    for (Block block : IPV6) {
      if (block.cidr().contains(bytes)) {
        return Optional.of(block.name() + " address " + text);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ipv4(byte[] bytes) {
    for (Block block : IPV4) {
      if (block.cidr().contains(bytes)) {
        return Optional.of(block.name());
      }
    }
    return Optional.empty();
  }

  /** The IPv4 address an IPv6 address carries by one of the standard embeddings, if any. */
  private static Optional<byte[]> embeddedIpv4(byte[] bytes) {
    if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
      return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (COMPATIBLE.contains(bytes) && !isZeroOrOne(bytes)) {
      // The deprecated IPv4-compatible form ::a.b.c.d; :: and ::1 are judged as IPv6.
      return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
    }
    return Optional.empty();
  }

  private static boolean isZeroOrOne(byte[] bytes) {
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 0 || bytes[15] == 1;
  }

  private static String dotted(byte[] ipv4) {
    try {
      return InetAddress.getByAddress(ipv4).getHostAddress();
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are an IPv4 address", e);
    }
  }

  private static Block block(String cidr, String name) {
    return new Block(Cidr.parse(cidr), name);
  }
}
