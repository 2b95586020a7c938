package dev.khabar.enrich.entities.text;

/**
 * One token of a text with its {@code [start, end)} character offsets in that text.
 *
 * @param text the token exactly as it stands in the source
 */
public record Token(String text, int start, int end) {}
