package dev.khabar.ingest.fetch;

import java.time.Duration;

/**
 * How the fetcher behaves. Build with {@link #builder()}; every value has a default and is
 * validated.
 *
 * @param userAgent the User-Agent header, with a contact URL
 * @param connectTimeout time to open a connection
 * @param totalTimeout time for a whole response, headers and body, per attempt and hop
 * @param maxBytes the largest body accepted, before and after decompression
 * @param maxRedirects redirect hops followed, each checked by the address guard
 * @param maxAttempts attempts on 5xx, 429 and network errors, the first included
 * @param initialBackoff the first retry delay; it doubles per attempt, with jitter
 * @param maxBackoff the longest retry delay, also the cap on a server's Retry-After
 */
public record FetchSettings(
    String userAgent,
    Duration connectTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  public static final String DEFAULT_USER_AGENT =
      "KhabarBot/0.1 (news monitoring; +https://khabar.invalid/bot)";

  public FetchSettings {
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(totalTimeout, "totalTimeout");
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
    }
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException("maxRedirects must be 0..20, was " + maxRedirects);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Builder with the defaults of a polite production crawler. */
  public static final class Builder {
    private String userAgent = DEFAULT_USER_AGENT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration totalTimeout = Duration.ofSeconds(30);
    private long maxBytes = 5L * 1024 * 1024;
    private int maxRedirects = 5;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);

    public Builder userAgent(String value) {
      userAgent = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder totalTimeout(Duration value) {
      totalTimeout = value;
      return this;
    }

    public Builder maxBytes(long value) {
      maxBytes = value;
      return this;
    }

    public Builder maxRedirects(int value) {
      maxRedirects = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      maxAttempts = value;
      return this;
    }

    public Builder initialBackoff(Duration value) {
      initialBackoff = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      maxBackoff = value;
      return this;
    }

    public FetchSettings build() {
      return new FetchSettings(
          userAgent,
          connectTimeout,
          totalTimeout,
          maxBytes,
          maxRedirects,
          maxAttempts,
          initialBackoff,
          maxBackoff);
    }
  }
}
