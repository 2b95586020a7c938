/** The configured news sources, their per-site settings, and which publisher a host belongs to. */
@NullMarked
package dev.khabar.ingest.sources;

import org.jspecify.annotations.NullMarked;
