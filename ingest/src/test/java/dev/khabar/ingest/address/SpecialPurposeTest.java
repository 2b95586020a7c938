package dev.khabar.ingest.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Literal addresses only: parsed, never looked up. */
class SpecialPurposeTest {
  /** Each block's edges and the public addresses just outside them. */
  private static final Map<String, Boolean> PUBLIC = new LinkedHashMap<>();

  static {
    refused("0.0.0.0", "0.255.255.255", "10.0.0.0", "10.255.255.255");
    allowed("1.0.0.0", "9.255.255.255", "11.0.0.0", "8.8.8.8");
    refused("100.64.0.0", "100.127.255.255");
    allowed("100.63.255.255", "100.128.0.0");
    refused("127.0.0.0", "127.0.0.1", "127.0.0.2", "127.255.255.255");
    allowed("126.255.255.255", "128.0.0.0");
    refused("169.254.0.0", "169.254.169.254", "169.254.255.255");
    allowed("169.253.255.255", "169.255.0.0");
    refused("172.16.0.0", "172.31.255.255");
    allowed("172.15.255.255", "172.32.0.0");
    refused("192.0.0.0", "192.0.0.255", "192.0.2.0", "192.0.2.255");
    allowed("191.255.255.255", "192.0.1.0", "192.0.3.0");
    refused("192.88.99.0", "192.88.99.255");
    allowed("192.88.98.255", "192.88.100.0");
    refused("192.168.0.0", "192.168.255.255");
    allowed("192.167.255.255", "192.169.0.0");
    refused("198.18.0.0", "198.19.255.255");
    allowed("198.17.255.255", "198.20.0.0");
    refused("198.51.100.0", "198.51.100.255", "203.0.113.0", "203.0.113.255");
    allowed("198.51.99.255", "198.51.101.0", "203.0.112.255", "203.0.114.0");
    refused("224.0.0.0", "239.255.255.255", "240.0.0.0", "255.255.255.254", "255.255.255.255");
    allowed("223.255.255.255");

    refused("::", "::1", "fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::");
    refused("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ff00::", "ff02::1");
    allowed("2606:4700::1111", "2001:4860:4860::8888", "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    refused("2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
    allowed("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::");
    refused("100::", "100::ffff:ffff:ffff:ffff");
    allowed("100:0:0:1::");
    // IPv4-mapped, NAT64 and 6to4: judged by the IPv4 address inside.
    refused("::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:192.0.2.1");
    allowed("::ffff:8.8.8.8");
    refused("64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::c000:201");
    allowed("64:ff9b::8.8.8.8");
    refused("2002:a00:1::", "2002:7f00:1::", "2002:c000:201::", "2002:a9fe:a9fe::1");
    allowed("2002:808:808::", "2002:5db8:d822::1");
  }

  private static void refused(String... addresses) {
    for (String address : addresses) {
      PUBLIC.put(address, false);
    }
  }

  private static void allowed(String... addresses) {
    for (String address : addresses) {
      PUBLIC.put(address, true);
    }
  }

  @Test
  void eachBlockOfTheRegistriesIsRefusedAndTheAddressesAroundItAreNot() {
    List<String> wrong = new ArrayList<>();
    PUBLIC.forEach(
        (text, expectedPublic) -> {
          InetAddress address = IpLiteral.parse(text).orElseThrow();
          Optional<String> reason = SpecialPurpose.reason(address);
          if (reason.isEmpty() != expectedPublic) {
            wrong.add(text + (expectedPublic ? " refused: " + reason.get() : " passed"));
          }
        });

    assertEquals(List.of(), wrong);
  }

  @Test
  void theReasonNamesTheBlockAndTheAddress() throws Exception {
    assertEquals(
        Optional.of("documentation (TEST-NET-1) address 192.0.2.7"),
        SpecialPurpose.reason(InetAddress.getByName("192.0.2.7")));
    assertEquals(
        Optional.of("loopback address 127.0.0.1 inside 2002:7f00:1:0:0:0:0:0"),
        SpecialPurpose.reason(InetAddress.getByName("2002:7f00:1::")));
  }
}
