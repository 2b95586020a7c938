/** Reading news sources: RSS, Atom and RDF feeds, sitemaps and news sitemaps, and section pages. */
@NullMarked
package dev.khabar.ingest.feeds;

import org.jspecify.annotations.NullMarked;
