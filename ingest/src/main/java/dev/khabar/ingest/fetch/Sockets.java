package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.net.Socket;

/**
 * Makes the unconnected sockets the fetcher then connects to addresses the guard admitted; a seam
 * through which tests watch, and refuse, every connection.
 */
@FunctionalInterface
public interface Sockets {
  Socket create() throws IOException;

  Sockets PLAIN = Socket::new;
}
