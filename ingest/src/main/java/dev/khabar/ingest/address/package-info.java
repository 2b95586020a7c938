/**
 * Which addresses the crawler may connect to: only globally routable ones, per the IANA IPv4 and
 * IPv6 special-purpose registries, plus the hosts and blocks an operator allows by name.
 */
@NullMarked
package dev.khabar.ingest.address;

import org.jspecify.annotations.NullMarked;
