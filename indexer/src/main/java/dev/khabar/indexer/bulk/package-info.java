/**
 * Bulk indexing of articles from Kafka: offsets are committed only after Elasticsearch acknowledged
 * or the dead-letter topic took every record before them.
 */
@NullMarked
package dev.khabar.indexer.bulk;

import org.jspecify.annotations.NullMarked;
