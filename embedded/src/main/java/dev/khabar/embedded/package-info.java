/**
 * Real infrastructure inside one JVM, for integration tests and the local demo only: a KRaft Kafka
 * broker ({@link dev.khabar.embedded.EmbeddedKafka}), an Elasticsearch node ({@link
 * dev.khabar.embedded.EmbeddedElasticsearch}) and a loopback web site ({@link
 * dev.khabar.embedded.StaticSite}). Everything binds to 127.0.0.1.
 */
@NullMarked
package dev.khabar.embedded;

import org.jspecify.annotations.NullMarked;
