/** The configured news sources and their per-site settings. */
@NullMarked
package dev.khabar.ingest.sources;

import org.jspecify.annotations.NullMarked;
