/**
 * Averaged structured perceptron over hashed features with BIO Viterbi decoding, its training and
 * evaluation.
 */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.tagger;
