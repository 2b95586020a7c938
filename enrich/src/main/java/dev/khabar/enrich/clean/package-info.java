/**
 * Boilerplate removal: from a news page's HTML to its headline and the paragraphs of its article,
 * without menus, share bars, related-link lists, captions, comments and footers. {@link
 * dev.khabar.enrich.clean.ArticleExtractor} is the entry point.
 */
@NullMarked
package dev.khabar.enrich.clean;

import org.jspecify.annotations.NullMarked;
