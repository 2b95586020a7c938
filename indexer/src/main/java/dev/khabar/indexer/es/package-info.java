/** Connecting to Elasticsearch: URL, credentials and CA certificate from configuration. */
@NullMarked
package dev.khabar.indexer.es;

import org.jspecify.annotations.NullMarked;
