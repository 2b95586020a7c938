package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sockets that connect only to loopback addresses, whatever the guard under test says, and record
 * every address they were asked to connect to.
 */
public final class LoopbackSockets implements Sockets {
  private final List<InetSocketAddress> attempts = new CopyOnWriteArrayList<>();

  @Override
  public Socket create() {
    return new Socket() {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        InetSocketAddress target = (InetSocketAddress) endpoint;
        attempts.add(target);
        if (target.getAddress() == null || !target.getAddress().isLoopbackAddress()) {
          throw new ConnectException("tests connect to loopback only, not " + target);
        }
        super.connect(endpoint, timeout);
      }
    };
  }

  /** Every address a connection was attempted to, in order. */
  public List<InetSocketAddress> attempts() {
    return List.copyOf(attempts);
  }
}
