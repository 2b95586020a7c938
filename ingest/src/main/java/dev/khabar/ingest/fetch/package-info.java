/**
 * HTTP fetching that bounds every page in size and time, decodes its charset, connects only to the
 * address the address guard checked, and passes every request through the politeness gate.
 */
@NullMarked
package dev.khabar.ingest.fetch;

import org.jspecify.annotations.NullMarked;
