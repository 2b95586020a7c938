/** The {@code ner} command: the shipped entity models on a token file. */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.cli;
