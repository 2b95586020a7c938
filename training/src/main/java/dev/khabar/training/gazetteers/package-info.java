/** The shipped name lists, written from the open gazetteers of the data directory. */
@org.jspecify.annotations.NullMarked
package dev.khabar.training.gazetteers;
