/**
 * Word clusters learned from unlabelled text by {@code train-ner} (module {@code training}) and
 * their lookup at tagging time ({@link dev.khabar.enrich.entities.clusters.WordClusters}).
 */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.clusters;
