/**
 * Sharing the sites among ingest instances through a Kafka consumer group: each site belongs to a
 * partition of the sites topic, and an instance crawls the sites of the partitions the group gives
 * it.
 */
@NullMarked
package dev.khabar.ingest.share;

import org.jspecify.annotations.NullMarked;
