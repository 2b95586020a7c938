package dev.khabar.ingest.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals, never a host name: nothing here looks anything up in DNS. */
final class IpLiteral {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpLiteral() {}

  /** The address {@code text} spells (IPv6 with or without brackets), or empty for a name. */
  static Optional<InetAddress> parse(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    try {
      if (IPV4.matcher(bare).matches()) {
        String[] parts = bare.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      if (IPV6.matcher(bare).matches()) {
        // In brackets the JDK parses the text as an IPv6 literal or fails; it never asks DNS.
        InetAddress parsed = InetAddress.getByName("[" + bare + "]");
        if (parsed instanceof Inet4Address) {
          // The JDK turns ::ffff:a.b.c.d into a.b.c.d; keep the IPv6 form that was written.
          byte[] mapped = new byte[16];
          mapped[10] = (byte) 0xff;
          mapped[11] = (byte) 0xff;
          System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
          return Optional.of(Inet6Address.getByAddress(null, mapped, -1));
        }
        return Optional.of(parsed);
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
