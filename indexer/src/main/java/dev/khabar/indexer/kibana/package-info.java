/** Kibana for analysts: the saved objects (data view, saved search, dashboard) and their import. */
@NullMarked
package dev.khabar.indexer.kibana;

import org.jspecify.annotations.NullMarked;
