/** The {@code train-ner} and {@code eval-ner} commands. */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.cli;
