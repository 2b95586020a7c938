/**
 * Word clusters learned from unlabelled text ({@link
 * dev.khabar.enrich.entities.clusters.Clusterer}) and their lookup at tagging time ({@link
 * dev.khabar.enrich.entities.clusters.WordClusters}).
 */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.clusters;
