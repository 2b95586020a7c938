package dev.khabar.ingest.fetch;

import java.util.Locale;

/** What became of one fetch; each is a metric tag value. */
public enum Outcome {
  FETCHED,
  NOT_MODIFIED,
  ROBOTS_BLOCKED,
  ADDRESS_BLOCKED,
  TOO_LARGE,
  WRONG_TYPE,
  HTTP_ERROR,
  TOO_MANY_REDIRECTS,
  FAILED;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
