/** The ingest service: follows news sources and publishes every new article page to Kafka once. */
@NullMarked
package dev.khabar.ingest;

import org.jspecify.annotations.NullMarked;
