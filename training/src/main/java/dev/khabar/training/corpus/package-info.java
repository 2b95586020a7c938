/** Labelled corpora: reading them, mapping their tag sets to PER/ORG/LOC/MISC, and documents. */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.corpus;
