package dev.khabar.ingest.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AllowListTest {
  private static InetAddress ip(String literal) {
    return IpLiteral.parse(literal).orElseThrow();
  }

  @Test
  void aHostAndPortAllowsThatAddressOnThatPortOnly() {
    AllowList allowed = AllowList.parse("127.0.0.1:8088");

    assertTrue(allowed.allows("127.0.0.1", 8088, ip("127.0.0.1")));
    assertTrue(allowed.allows("site.test", 8088, ip("127.0.0.1")));
    assertFalse(allowed.allows("127.0.0.1", 8089, ip("127.0.0.1")));
    assertFalse(allowed.allows("127.0.0.2", 8088, ip("127.0.0.2")));
  }

  @Test
  void aHostWithoutPortAllowsEveryPort() {
    AllowList allowed = AllowList.parse("127.0.0.1, intranet.example");

    assertTrue(allowed.allows("127.0.0.1", 1, ip("127.0.0.1")));
    assertTrue(allowed.allows("Intranet.Example", 443, ip("10.0.0.7")));
    assertFalse(allowed.allows("other.example", 443, ip("10.0.0.7")));
  }

  @Test
  void aNamedHostWithPortAllowsThatNameOnThatPort() {
    AllowList allowed = AllowList.parse("wiki.corp.example:8443");

    assertTrue(allowed.allows("wiki.corp.example", 8443, ip("10.1.1.1")));
    assertFalse(allowed.allows("wiki.corp.example", 443, ip("10.1.1.1")));
  }

  @Test
  void aCidrBlockAllowsEachOfItsAddresses() {
    AllowList allowed = AllowList.parse("10.20.0.0/16,fd00:1::/32");

    assertTrue(allowed.allows("a.test", 80, ip("10.20.0.0")));
    assertTrue(allowed.allows("a.test", 80, ip("10.20.255.255")));
    assertFalse(allowed.allows("a.test", 80, ip("10.21.0.0")));
    assertTrue(allowed.allows("a.test", 80, ip("fd00:1:ffff::1")));
    assertFalse(allowed.allows("a.test", 80, ip("fd00:2::1")));
  }

  @Test
  void anIpv6AddressTakesItsPortAfterBrackets() {
    AllowList allowed = AllowList.parse("[::1]:8088");

    assertTrue(allowed.allows("[::1]", 8088, ip("::1")));
    assertFalse(allowed.allows("[::1]", 8089, ip("::1")));
  }

  @Test
  void nothingIsAllowedByAnEmptyList() {
    assertFalse(AllowList.parse("").allows("127.0.0.1", 80, ip("127.0.0.1")));
    assertFalse(AllowList.NONE.allows("127.0.0.1", 80, ip("127.0.0.1")));
  }

  @Test
  void anEntryThatIsNeitherHostNorBlockIsRejectedByName() {
    assertEquals(
        "not a port (1-65535) in the allow list entry 127.0.0.1:http",
        assertThrows(IllegalArgumentException.class, () -> AllowList.parse("127.0.0.1:http"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> AllowList.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> AllowList.parse("bad host!"));
  }
}
