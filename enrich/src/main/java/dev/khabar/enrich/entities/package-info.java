/**
 * Entity recognition and linking for Arabic and English news text; {@link
 * dev.khabar.enrich.entities.EntityRecognizer} is the entry point.
 */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities;
