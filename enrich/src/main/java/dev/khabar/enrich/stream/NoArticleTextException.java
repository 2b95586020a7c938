package dev.khabar.enrich.stream;

/**
 * A page in which no article text was found (an index page, a video page, a page the extractor
 * cannot read). Thrown so that the page goes to the dead-letter topic, where it can be inspected.
 */
public final class NoArticleTextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoArticleTextException(String url) {
    super("no article text found in " + url);
  }
}
