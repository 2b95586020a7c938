package dev.khabar.enrich.meta;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a page says about its article.
 *
 * @param publishedAt when the article was first published
 * @param modifiedAt when it was last modified
 * @param author the byline, without «By» or «بقلم»
 * @param siteName the site's own name, e.g. «قناة الكوثر»
 * @param headline the headline the page's metadata gives (og:title, JSON-LD), as written
 * @param documentTitle the {@code <title>}, with any site-name suffix still on it
 * @param declaredLanguage the language the page declares ({@code <html lang>}), as written
 * @param articleBody the JSON-LD {@code articleBody}, for checking what the DOM yields
 */
public record PageMetadata(
    @Nullable Instant publishedAt,
    @Nullable Instant modifiedAt,
    @Nullable String author,
    @Nullable String siteName,
    @Nullable String headline,
    @Nullable String documentTitle,
    @Nullable String declaredLanguage,
    @Nullable String articleBody) {}
