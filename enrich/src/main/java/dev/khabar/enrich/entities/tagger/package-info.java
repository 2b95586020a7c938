/**
 * Averaged structured perceptron over hashed features with BIO Viterbi decoding: features, models
 * and the two-pass tagger. Training and evaluation live in the {@code training} module.
 */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.tagger;
