/**
 * What a news page says about its article besides the text: when it was published and modified, who
 * wrote it, which site it is on. Each piece is looked for in order of trust: JSON-LD, then meta
 * tags, then microdata and {@code <time>}, then the URL, then dates written out in the page.
 */
@NullMarked
package dev.khabar.enrich.meta;

import org.jspecify.annotations.NullMarked;
