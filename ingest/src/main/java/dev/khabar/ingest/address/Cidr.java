package dev.khabar.ingest.address;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of addresses such as {@code 10.0.0.0/8} or {@code fc00::/7}. An IPv4 block never contains
 * an IPv6 address, nor the other way round. Immutable.
 */
public final class Cidr {
  private final byte[] network;
  private final int prefixLength;
  private final String text;

  private Cidr(byte[] network, int prefixLength, String text) {
    this.network = network;
    this.prefixLength = prefixLength;
    this.text = text;
  }

  /**
   * Parses {@code address/length}.
   *
   * @throws IllegalArgumentException when {@code text} is not an IP literal and a prefix length
   *     that fits it
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR block (address/length): " + text);
    }
    byte[] bytes =
        IpLiteral.parse(text.substring(0, slash))
            .map(InetAddress::getAddress)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address in " + text));
    int length;
    try {
      length = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix length in " + text);
    }
    if (length < 0 || length > bytes.length * 8) {
      throw new IllegalArgumentException("prefix length out of range in " + text);
    }
    return new Cidr(bytes, length, text);
  }

  /** Whether {@code address} lies in this block. */
  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] bytes) {
    if (bytes.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    if (!Arrays.equals(bytes, 0, full, network, 0, full)) {
      return false;
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
