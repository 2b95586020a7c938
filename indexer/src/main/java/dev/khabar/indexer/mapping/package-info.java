/**
 * The index design: the composable template, the mapping analysts search, and the document each
 * article becomes.
 */
@NullMarked
package dev.khabar.indexer.mapping;

import org.jspecify.annotations.NullMarked;
