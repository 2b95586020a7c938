/** Command-line tools over the enrich stage: extraction of local files. */
@NullMarked
package dev.khabar.enrich.cli;

import org.jspecify.annotations.NullMarked;
