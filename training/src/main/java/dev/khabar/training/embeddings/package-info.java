/**
 * Word vectors learned from unlabelled text: reading the text into word ids ({@link
 * dev.khabar.training.embeddings.TextCorpus}) and skip-gram with negative sampling ({@link
 * dev.khabar.training.embeddings.SkipGram}).
 */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.embeddings;
