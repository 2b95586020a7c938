/** Exact-match entity scores. */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.eval;
