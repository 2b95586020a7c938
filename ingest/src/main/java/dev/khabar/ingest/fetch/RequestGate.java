package dev.khabar.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * What every single HTTP request passes through just before it is sent: first attempts, retries,
 * redirect hops, robots.txt, feeds and sitemaps alike. Politeness implements it.
 */
@FunctionalInterface
public interface RequestGate {
  <T> T pass(URI uri, Request<T> request)
      throws IOException, TimeoutException, InterruptedException;

  /** One request, sent when the gate lets it through. */
  @FunctionalInterface
  interface Request<T> {
    T send() throws IOException, TimeoutException, InterruptedException;
  }

  /** Lets every request through at once. */
  RequestGate OPEN =
      new RequestGate() {
        @Override
        public <T> T pass(URI uri, Request<T> request)
            throws IOException, TimeoutException, InterruptedException {
          return request.send();
        }
      };
}
