/** Offset-keeping tokenisation and matching-only normalisation of Arabic and Latin text. */
@org.jspecify.annotations.NullMarked
package dev.khabar.enrich.entities.text;
