/**
 * URL canonicalisation: one canonical form per article, whatever tracking parameters or host case a
 * link carries.
 */
@NullMarked
package dev.khabar.ingest.urls;

import org.jspecify.annotations.NullMarked;
