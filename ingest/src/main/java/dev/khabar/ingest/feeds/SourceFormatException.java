package dev.khabar.ingest.feeds;

/** A feed, sitemap or section page that cannot be read. */
public final class SourceFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public SourceFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
