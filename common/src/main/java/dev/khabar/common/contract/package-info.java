/**
 * The event contracts between the Khabar services: topic names, and the JSON records that travel on
 * them. README.md ("Event contracts") describes the same fields; each side tests against it.
 */
@NullMarked
package dev.khabar.common.contract;

import org.jspecify.annotations.NullMarked;
