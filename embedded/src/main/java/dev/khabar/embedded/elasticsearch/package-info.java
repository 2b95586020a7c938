/**
 * The Elasticsearch plugins the embedded node loads from the class path, standing in for the
 * distribution's modules that are not published to Maven Central ({@code analysis-common}, {@code
 * rest-root}).
 */
@NullMarked
package dev.khabar.embedded.elasticsearch;

import org.jspecify.annotations.NullMarked;
