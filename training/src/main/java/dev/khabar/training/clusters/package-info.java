/** Word clusters learned from unlabelled text, written in the format the tagger reads. */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.clusters;
