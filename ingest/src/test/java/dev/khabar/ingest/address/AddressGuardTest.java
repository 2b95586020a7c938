package dev.khabar.ingest.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Addresses come from a table, never from DNS: nothing here opens a connection. */
class AddressGuardTest {
  private static final Map<String, String> TABLE =
      Map.of(
          "public.test", "93.184.216.34",
          "private10.test", "10.1.2.3",
          "loop.test", "127.0.0.1",
          "intranet.test", "10.0.0.7",
          "mapped.test", "::ffff:192.0.2.1",
          "nat64.test", "64:ff9b::a00:1");

  private static final AddressGuard.Resolver RESOLVER =
      host -> {
        String address = TABLE.get(host);
        if (address == null) {
          throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address)); // a literal: parsed, not looked up
      };

  private final AddressGuard guard = new AddressGuard(RESOLVER, AllowList.NONE);

  @Test
  void admitsAPublicHostWithTheAddressToConnectTo() throws Exception {
    assertEquals(
        new AddressGuard.Admitted("public.test", 443, InetAddress.getByName("93.184.216.34")),
        guard.check("public.test", 443));
  }

  @Test
  void refusesAHostThatResolvesToAPrivateAddress() {
    assertEquals(
        new AddressGuard.Refused(
            "private10.test resolves to private address 10.1.2.3, port 80,"
                + " not in KHABAR_INGEST_ALLOW_PRIVATE"),
        guard.check("private10.test", 80));
  }

  @Test
  void refusesAnIpv4AddressHiddenInsideAnIpv6One() {
    assertEquals(
        new AddressGuard.Refused(
            "nat64.test resolves to private address 10.0.0.1 inside 64:ff9b:0:0:0:0:a00:1,"
                + " port 80, not in KHABAR_INGEST_ALLOW_PRIVATE"),
        guard.check("nat64.test", 80));
    assertInstanceOf(AddressGuard.Refused.class, guard.check("mapped.test", 80));
  }

  @Test
  void refusesWhenAnyOfTheAddressesIsNotPublic() {
    AddressGuard.Resolver mixed =
        host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));

    assertInstanceOf(
        AddressGuard.Refused.class,
        new AddressGuard(mixed, AllowList.NONE).check("mixed.test", 80));
  }

  @Test
  void refusesUnknownHosts() {
    assertEquals(
        new AddressGuard.Refused("unknown host nowhere.test"), guard.check("nowhere.test", 80));
  }

  @Test
  void anIpLiteralIsCheckedWithoutALookup() throws Exception {
    AddressGuard.Resolver none =
        host -> {
          throw new AssertionError("looked up " + host);
        };
    AddressGuard literal = new AddressGuard(none, AllowList.parse("127.0.0.1:8088"));

    assertEquals(
        new AddressGuard.Admitted("127.0.0.1", 8088, InetAddress.getByName("127.0.0.1")),
        literal.check("127.0.0.1", 8088));
    assertInstanceOf(AddressGuard.Refused.class, literal.check("127.0.0.2", 8088));
    assertInstanceOf(AddressGuard.Refused.class, literal.check("127.0.0.1", 8089));
    assertInstanceOf(AddressGuard.Refused.class, literal.check("[::1]", 8088));
    assertInstanceOf(AddressGuard.Refused.class, literal.check("192.0.2.10", 80));
  }

  @Test
  void anAllowedNameMayResolveToAPrivateAddressAndOtherNamesMayNot() throws Exception {
    AddressGuard allowing = new AddressGuard(RESOLVER, AllowList.parse("intranet.test"));

    assertEquals(
        new AddressGuard.Admitted("intranet.test", 80, InetAddress.getByName("10.0.0.7")),
        allowing.check("intranet.test", 80));
    assertInstanceOf(AddressGuard.Refused.class, allowing.check("private10.test", 80));
  }

  @Test
  void anAllowedBlockAdmitsItsAddressesUnderAnyName() {
    AddressGuard allowing = new AddressGuard(RESOLVER, AllowList.parse("10.0.0.0/8"));

    assertInstanceOf(AddressGuard.Admitted.class, allowing.check("private10.test", 80));
    assertInstanceOf(AddressGuard.Refused.class, allowing.check("loop.test", 80));
  }

  @Test
  void looksTheNameUpOncePerCheckAndAdmitsTheAnswerItChecked() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    AddressGuard.Resolver rebinding =
        host ->
            List.of(
                InetAddress.getByName(
                    lookups.incrementAndGet() == 1 ? "93.184.216.34" : "127.0.0.1"));
    AddressGuard rebound = new AddressGuard(rebinding, AllowList.NONE);

    assertEquals(
        new AddressGuard.Admitted("rebind.test", 80, InetAddress.getByName("93.184.216.34")),
        rebound.check("rebind.test", 80));
    assertEquals(1, lookups.get());
    assertInstanceOf(AddressGuard.Refused.class, rebound.check("rebind.test", 80));
  }
}
