/** Being a good guest: robots.txt rules and one request at a time per host with a minimum delay. */
@NullMarked
package dev.khabar.ingest.politeness;

import org.jspecify.annotations.NullMarked;
