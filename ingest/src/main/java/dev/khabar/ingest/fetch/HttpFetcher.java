package dev.khabar.ingest.fetch;

import dev.khabar.common.charset.CharsetSniffer;
import dev.khabar.ingest.address.AddressGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one URL with every guard a crawler on the open web needs: the address guard on each
 * redirect hop (the connection goes to the address it admitted), the request gate (politeness) on
 * every request, retries and redirect hops included, a size cap that aborts the download (and
 * bounds decompression, against gzip bombs), a time limit per attempt, content-type filtering, and
 * retries with exponential backoff and jitter on 5xx, 429 and network errors, honouring
 * Retry-After. Other 4xx are not retried. Thread-safe; one instance serves the whole crawler.
 */
public final class HttpFetcher implements AutoCloseable {
  /** Media types worth fetching as article pages. */
  public static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");

  /** Media types worth fetching as feeds and sitemaps (servers label them loosely). */
  public static final Set<String> FEED_TYPES =
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/xml",
          "text/xml",
          "text/plain",
          "text/html",
          "application/x-gzip",
          "application/gzip",
          "application/octet-stream");

  private final FetchSettings settings;
  private final AddressGuard guard;
  private final RequestGate gate;
  private final Transport transport;
  private final CharsetSniffer charsets = new CharsetSniffer();
  private final Clock clock;
  private final Sleeper sleeper;

  /** Waits between attempts; a seam so that tests of retries do not need to wait. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration);
  }

  public HttpFetcher(FetchSettings settings, AddressGuard guard, RequestGate gate) {
    this(settings, guard, gate, Clock.systemUTC(), Sleeper.REAL, Sockets.PLAIN);
  }

  public HttpFetcher(
      FetchSettings settings,
      AddressGuard guard,
      RequestGate gate,
      Clock clock,
      Sleeper sleeper,
      Sockets sockets) {
    this.settings = settings;
    this.guard = guard;
    this.gate = gate;
    this.clock = clock;
    this.sleeper = sleeper;
    this.transport = new Transport(settings, sockets);
  }

  /** A conditional GET's validators from an earlier response. */
  public record Validators(Optional<String> etag, Optional<String> lastModified) {
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());
  }

  public FetchResult fetch(URI uri, Set<String> acceptedTypes) throws InterruptedException {
    return fetch(uri, acceptedTypes, Validators.NONE);
  }

  public FetchResult fetch(URI uri, Set<String> acceptedTypes, Validators validators)
      throws InterruptedException {
    return fetch(uri, acceptedTypes, validators, settings.userAgent());
  }

  /** As {@link #fetch(URI, Set, Validators)}, with a site's own User-Agent. */
  public FetchResult fetch(
      URI uri, Set<String> acceptedTypes, Validators validators, String userAgent)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Attempt result = attempt(uri, acceptedTypes, validators, userAgent);
      if (!result.retryable() || attempt >= settings.maxAttempts()) {
        return result.result();
      }
      sleeper.sleep(backoff(attempt, result.retryAfter()));
    }
  }

  /**
   * The server's Retry-After when it gave one, else exponential backoff with equal jitter: the
   * delay doubles per attempt up to {@code maxBackoff}, and the wait is drawn between half that
   * delay and all of it. Unlike full jitter (anywhere from zero), a retry never comes at once, so a
   * server that just failed gets at least half the delay to recover, while the random half still
   * spreads out the retries of many fetches that failed together. Retry-After is capped at {@code
   * maxBackoff} too.
   */
  Duration backoff(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : asked;
    }
    long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private record Attempt(FetchResult result, boolean retryable, Optional<Duration> retryAfter) {
    static Attempt done(FetchResult result) {
      return new Attempt(result, false, Optional.empty());
    }
  }

  private Attempt attempt(
      URI uri, Set<String> acceptedTypes, Validators validators, String userAgent)
      throws InterruptedException {
    URI current = uri;
    for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
      String host = current.getHost();
      String scheme =
          current.getScheme() == null ? "" : current.getScheme().toLowerCase(Locale.ROOT);
      if (host == null || !(scheme.equals("http") || scheme.equals("https"))) {
        return Attempt.done(
            new FetchResult.Failed(
                uri, Outcome.FAILED, 0, "not an http(s) URL with a host: " + current));
      }
      AddressGuard.Verdict verdict = guard.check(host, Transport.port(current));
      if (!(verdict instanceof AddressGuard.Admitted admitted)) {
        return Attempt.done(
            new FetchResult.Failed(
                uri, Outcome.ADDRESS_BLOCKED, 0, ((AddressGuard.Refused) verdict).reason()));
      }
      Transport.Response response;
      URI target = current;
      Map<String, String> headers = headers(hop == 0 ? validators : Validators.NONE, userAgent);
      try {
        response = gate.pass(target, () -> transport.send(target, admitted.address(), headers));
      } catch (IOException | TimeoutException e) {
        return new Attempt(
            new FetchResult.Failed(uri, Outcome.FAILED, 0, describe(e) + " fetching " + current),
            true,
            Optional.empty());
      } catch (IllegalArgumentException e) {
        // A URL the client cannot send: trying again would not help.
        return Attempt.done(
            new FetchResult.Failed(uri, Outcome.FAILED, 0, describe(e) + " fetching " + current));
      }
      int status = response.status();
      if (status >= 300 && status < 400 && status != 304) {
        Optional<String> location = response.header("Location");
        if (location.isEmpty()) {
          return Attempt.done(
              new FetchResult.Failed(uri, Outcome.HTTP_ERROR, status, "redirect without Location"));
        }
        try {
          current = current.resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
          return Attempt.done(
              new FetchResult.Failed(
                  uri, Outcome.FAILED, status, "bad Location " + location.get()));
        }
        continue;
      }
      return evaluate(uri, current, response, acceptedTypes);
    }
    return Attempt.done(
        new FetchResult.Failed(
            uri,
            Outcome.TOO_MANY_REDIRECTS,
            0,
            "more than " + settings.maxRedirects() + " redirects"));
  }

  private Attempt evaluate(
      URI requested, URI finalUri, Transport.Response response, Set<String> acceptedTypes) {
    int status = response.status();
    if (status == 304) {
      return Attempt.done(new FetchResult.NotModified(requested));
    }
    if (status == 429 || status >= 500) {
      return new Attempt(
          new FetchResult.Failed(requested, Outcome.HTTP_ERROR, status, "HTTP " + status),
          true,
          retryAfter(response.header("Retry-After").orElse(null)));
    }
    if (status >= 400) {
      return Attempt.done(
          new FetchResult.Failed(requested, Outcome.HTTP_ERROR, status, "HTTP " + status));
    }
    String contentTypeHeader = response.header("Content-Type").orElse("");
    String mediaType = contentTypeHeader.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.isEmpty() && !acceptedTypes.contains(mediaType)) {
      return Attempt.done(
          new FetchResult.Failed(
              requested, Outcome.WRONG_TYPE, status, "content type " + mediaType));
    }
    CappedBody body = response.body();
    if (body.truncated()) {
      return Attempt.done(
          new FetchResult.Failed(
              requested,
              Outcome.TOO_LARGE,
              status,
              "larger than " + settings.maxBytes() + " bytes"));
    }
    Optional<byte[]> decoded = decode(body.bytes(), response.header("Content-Encoding").orElse(""));
    if (decoded.isEmpty()) {
      return Attempt.done(
          new FetchResult.Failed(
              requested,
              Outcome.TOO_LARGE,
              status,
              "decompresses to more than " + settings.maxBytes() + " bytes, or is corrupt"));
    }
    byte[] bytes = decoded.get();
    if (looksBinary(bytes)) {
      return Attempt.done(
          new FetchResult.Failed(
              requested, Outcome.WRONG_TYPE, status, "binary content served as " + mediaType));
    }
    Charset charset =
        charsets.detect(CharsetSniffer.charsetParameter(contentTypeHeader), bytes).charset();
    return Attempt.done(
        new FetchResult.Page(
            requested,
            finalUri,
            status,
            mediaType.isEmpty() ? "text/html" : mediaType,
            charset,
            bytes,
            new String(bytes, charset),
            clock.instant(),
            response.header("ETag"),
            response.header("Last-Modified")));
  }

  private Map<String, String> headers(Validators validators, String userAgent) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", userAgent);
    headers.put(
        "Accept",
        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            + "application/xml;q=0.9,*/*;q=0.5");
    headers.put("Accept-Encoding", "gzip, deflate");
    validators.etag().ifPresent(etag -> headers.put("If-None-Match", etag));
    validators.lastModified().ifPresent(date -> headers.put("If-Modified-Since", date));
    return headers;
  }

  /** Decompresses gzip or deflate without ever holding more than the size cap. */
  private Optional<byte[]> decode(byte[] body, String contentEncoding) {
    String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
    boolean gzipMagic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    try {
      if (encoding.contains("gzip") || encoding.isEmpty() && gzipMagic) {
        return readCapped(new GZIPInputStream(new ByteArrayInputStream(body)));
      }
      if (encoding.contains("deflate")) {
        // Servers send either zlib-wrapped or raw deflate under this name; try both.
        Optional<byte[]> zlib =
            readCapped(
                new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)));
        return zlib.isPresent()
            ? zlib
            : readCapped(
                new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)));
      }
      return Optional.of(body);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<byte[]> readCapped(InputStream in) {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
      return bytes.length > settings.maxBytes() ? Optional.empty() : Optional.of(bytes);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** NUL bytes in the first kilobytes: an image or archive mislabelled as text. */
  private static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    int controls = 0;
    for (int i = 0; i < limit; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        // UTF-16 text has NULs too, but only with a BOM, which the charset sniffer honours.
        boolean utf16 =
            bytes.length > 1 && ((bytes[0] & 0xff) == 0xfe || (bytes[0] & 0xff) == 0xff);
        if (!utf16) {
          return true;
        }
      }
      if (b < 9 || (b > 13 && b < 32)) {
        controls++;
      }
    }
    return limit > 0 && controls * 10 > limit;
  }

  private Optional<Duration> retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException e) {
      try {
        Instant when =
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), when);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }

  private static String describe(Exception e) {
    if (e instanceof TimeoutException) {
      return "timed out";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    transport.close();
  }
}
