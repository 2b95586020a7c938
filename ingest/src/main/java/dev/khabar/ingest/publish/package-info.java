/** Publishing raw pages to Kafka, atomically with the seen-URL marker. */
@NullMarked
package dev.khabar.ingest.publish;

import org.jspecify.annotations.NullMarked;
