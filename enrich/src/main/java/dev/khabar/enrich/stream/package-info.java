/**
 * The Kafka Streams topology: raw pages in, clean articles out, exactly once, with bad records
 * dead-lettered instead of stopping the app.
 */
@NullMarked
package dev.khabar.enrich.stream;

import org.jspecify.annotations.NullMarked;
