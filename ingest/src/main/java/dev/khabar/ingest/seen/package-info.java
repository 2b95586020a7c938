/** The memory of published URLs, kept in a compacted Kafka topic and rebuilt from it on start. */
@NullMarked
package dev.khabar.ingest.seen;

import org.jspecify.annotations.NullMarked;
