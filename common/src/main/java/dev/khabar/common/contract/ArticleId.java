package dev.khabar.common.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids and content hashes: the same input gives the same id in every service and run. */
public final class ArticleId {
  private ArticleId() {}

  /** The article id of a canonical URL: the first 128 bits of its SHA-256, in hex. */
  public static String of(String canonicalUrl) {
    return HexFormat.of().formatHex(sha256(canonicalUrl), 0, 16);
  }

  /** The full SHA-256 of a text, in hex. */
  public static String contentHash(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
