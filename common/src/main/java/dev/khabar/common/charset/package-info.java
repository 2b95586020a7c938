/**
 * How the bytes of a page become text: the charset the crawler decodes a fetched page with, and the
 * same for a page read from a file, so offline commands see pages as the pipeline does.
 */
@NullMarked
package dev.khabar.common.charset;

import org.jspecify.annotations.NullMarked;
