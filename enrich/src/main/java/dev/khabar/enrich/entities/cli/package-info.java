/** Command-line tools: {@code train-ner}, {@code eval-ner} and {@code ner}. */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.cli;
