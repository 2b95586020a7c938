package dev.khabar.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** The one address every embedded service binds to, and free ports on it. */
final class Loopback {

  static final String HOST = "127.0.0.1";

  private Loopback() {}

  static InetAddress address() {
    try {
      // By literal, not InetAddress.getLoopbackAddress(): that may be ::1 when IPv6 is preferred.
      return InetAddress.getByName(HOST);
    } catch (UnknownHostException e) {
      throw new AssertionError("a literal address needs no lookup", e);
    }
  }

  /**
   * A port that was free a moment ago. Another process may take it before the caller binds it;
   * callers that can bind to port 0 themselves should prefer that.
   */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, address())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  static void checkPort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          name + " must be 0 (any free port) or 1-65535, got " + port);
    }
  }
}
