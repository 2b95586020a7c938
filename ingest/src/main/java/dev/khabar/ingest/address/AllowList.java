package dev.khabar.ingest.address;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The hosts and blocks that may be reached although they are not public: entries {@code host},
 * {@code host:port}, {@code [ipv6]:port} and CIDR blocks. A host name entry allows that name,
 * whatever it resolves to; an address entry allows that address under any name; a port narrows an
 * entry to that port. Immutable.
 */
public final class AllowList {
  /** Allows nothing: every address must be public. */
  public static final AllowList NONE = new AllowList(List.of(), "");

  private sealed interface Entry {
    boolean allows(String host, int port, InetAddress address);
  }

  private record Name(String host, OptionalInt port) implements Entry {
    @Override
    public boolean allows(String host, int port, InetAddress address) {
      return this.host.equals(host) && (this.port.isEmpty() || this.port.getAsInt() == port);
    }
  }

  private record Address(InetAddress address, OptionalInt port) implements Entry {
    @Override
    public boolean allows(String host, int port, InetAddress address) {
      return this.address.equals(address) && (this.port.isEmpty() || this.port.getAsInt() == port);
    }
  }

  private record Block(Cidr cidr) implements Entry {
    @Override
    public boolean allows(String host, int port, InetAddress address) {
      return cidr.contains(address);
    }
  }

  private final List<Entry> entries;
  private final String text;

  private AllowList(List<Entry> entries, String text) {
    this.entries = List.copyOf(entries);
    this.text = text;
  }

  /**
   * Parses a comma-separated list; blanks are skipped.
   *
   * @throws IllegalArgumentException naming the entry that is neither a host, a host and port nor a
   *     CIDR block
   */
  public static AllowList parse(String commaSeparated) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : commaSeparated.split(",")) {
      String item = raw.strip().toLowerCase(Locale.ROOT);
      if (!item.isEmpty()) {
        entries.add(entry(item));
      }
    }
    return new AllowList(entries, commaSeparated.strip());
  }

  private static Entry entry(String item) {
    if (item.contains("/")) {
      return new Block(Cidr.parse(item));
    }
    Optional<InetAddress> literal = IpLiteral.parse(item);
    if (literal.isPresent()) {
      return new Address(literal.get(), OptionalInt.empty());
    }
    int colon = item.lastIndexOf(':');
    if (colon < 0 || item.startsWith("[") && !item.contains("]:")) {
      return new Name(hostName(item), OptionalInt.empty());
    }
    String host = item.substring(0, colon);
    OptionalInt port = OptionalInt.of(port(item.substring(colon + 1), item));
    Optional<InetAddress> address = IpLiteral.parse(host);
    return address.isPresent() ? new Address(address.get(), port) : new Name(hostName(host), port);
  }

  private static String hostName(String host) {
    if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?")) {
      throw new IllegalArgumentException(
          "not a host, host:port or CIDR block in the allow list: " + host);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static int port(String text, String item) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a port (1-65535) in the allow list entry " + item);
  }

  /** Whether connecting to {@code address}, found for {@code host} and {@code port}, is allowed. */
  public boolean allows(String host, int port, InetAddress address) {
    String name = host.toLowerCase(Locale.ROOT);
    for (Entry entry : entries) {
      if (entry.allows(name, port, address)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
