/** Name lists built from CLDR data and curated resources, matched over normalised tokens. */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.gazetteer;
