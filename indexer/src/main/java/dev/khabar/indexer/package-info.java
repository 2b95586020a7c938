/** The indexer service: consumes clean articles and bulk-writes them to Elasticsearch. */
@NullMarked
package dev.khabar.indexer;

import org.jspecify.annotations.NullMarked;
