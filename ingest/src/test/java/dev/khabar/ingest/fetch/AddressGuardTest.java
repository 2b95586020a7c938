package dev.khabar.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Addresses come from a table, never from DNS: nothing here opens a connection. */
class AddressGuardTest {
  private static final Map<String, String> TABLE =
      Map.of(
          "public.test", "93.184.216.34",
          "private10.test", "10.1.2.3",
          "private192.test", "192.168.0.1",
          "private172.test", "172.20.0.1",
          "loop.test", "127.0.0.1",
          "metadata.test", "169.254.169.254",
          "multicast.test", "224.0.0.1",
          "ula.test", "fd00::1",
          "cgnat.test", "100.64.0.1");

  private static final AddressGuard.Resolver RESOLVER =
      host -> {
        String address = TABLE.get(host);
        if (address == null) {
          throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address)); // a literal: parsed, not looked up
      };

  private final AddressGuard guard = new AddressGuard(RESOLVER, false);

  @Test
  void allowsPublicAddresses() {
    assertEquals(Optional.empty(), guard.refusal("public.test"));
  }

  @Test
  void refusesPrivateRanges() {
    assertEquals(
        Optional.of("private10.test resolves to private address 10.1.2.3"),
        guard.refusal("private10.test"));
    assertTrue(guard.refusal("private192.test").isPresent());
    assertTrue(guard.refusal("private172.test").isPresent());
    assertTrue(guard.refusal("ula.test").isPresent());
    assertTrue(guard.refusal("cgnat.test").isPresent());
  }

  @Test
  void refusesLinkLocalMulticastAndLoopbackByDefault() {
    assertEquals(
        Optional.of("metadata.test resolves to link-local address 169.254.169.254"),
        guard.refusal("metadata.test"));
    assertTrue(guard.refusal("multicast.test").isPresent());
    assertEquals(
        Optional.of("loop.test resolves to loopback address 127.0.0.1"),
        guard.refusal("loop.test"));
  }

  @Test
  void allowsLoopbackOnlyWhenConfigured() {
    assertEquals(Optional.empty(), new AddressGuard(RESOLVER, true).refusal("loop.test"));
    assertTrue(new AddressGuard(RESOLVER, true).refusal("private10.test").isPresent());
  }

  @Test
  void refusesWhenAnyAddressIsPrivate() {
    AddressGuard.Resolver mixed =
        host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));
    assertTrue(new AddressGuard(mixed, false).refusal("rebind.test").isPresent());
  }

  @Test
  void refusesUnknownHosts() {
    assertEquals(Optional.of("unknown host nowhere.test"), guard.refusal("nowhere.test"));
  }
}
