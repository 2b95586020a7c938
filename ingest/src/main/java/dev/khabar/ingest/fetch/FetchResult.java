package dev.khabar.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;

/** The result of fetching one URL: a page, or an outcome that explains why there is none. */
public sealed interface FetchResult {
  URI requested();

  Outcome outcome();

  /** A decoded page. */
  record Page(
      URI requested,
      URI finalUri,
      int status,
      String contentType,
      Charset charset,
      byte[] body,
      String text,
      Instant fetchedAt,
      Optional<String> etag,
      Optional<String> lastModified)
      implements FetchResult {
    @Override
    public Outcome outcome() {
      return Outcome.FETCHED;
    }
  }

  /** The server answered 304 to a conditional request. */
  record NotModified(URI requested) implements FetchResult {
    @Override
    public Outcome outcome() {
      return Outcome.NOT_MODIFIED;
    }
  }

  /** No page, for the reason given. */
  record Failed(URI requested, Outcome outcome, int status, String reason) implements FetchResult {}
}
