package dev.khabar.enrich.entities;

import dev.khabar.enrich.entities.gazetteer.GazetteerEntry;
import org.jspecify.annotations.Nullable;

/**
 * One mention of an entity in an article.
 *
 * @param start first character, after any proclitic («و», «ب», «ل»...) that is not part of the name
 * @param end character after the last one
 * @param token index of the first token in the article
 * @param tokens how many tokens the mention spans
 * @param key the normalised surface, used to group mentions and as the {@code name:} id
 * @param link the canonical entity, when the name is in a gazetteer
 */
record Mention(
    int start,
    int end,
    int token,
    int tokens,
    String type,
    String key,
    @Nullable GazetteerEntry link) {}
