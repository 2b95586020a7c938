/** Averaged structured perceptron training of both passes of the tagger. */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.perceptron;
