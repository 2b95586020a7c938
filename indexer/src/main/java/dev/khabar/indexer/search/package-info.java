/** Searching the index from the command line. */
@NullMarked
package dev.khabar.indexer.search;

import org.jspecify.annotations.NullMarked;
