/**
 * Which language a text is in, and the script-level normalisation of Arabic, Persian and Urdu text
 * that matching needs. Nothing here touches the network or the file system.
 */
@NullMarked
package dev.khabar.enrich.language;

import org.jspecify.annotations.NullMarked;
