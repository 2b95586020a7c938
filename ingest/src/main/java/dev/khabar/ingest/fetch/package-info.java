/**
 * HTTP fetching that bounds every page in size and time, decodes its charset, and refuses addresses
 * inside the network.
 */
@NullMarked
package dev.khabar.ingest.fetch;

import org.jspecify.annotations.NullMarked;
