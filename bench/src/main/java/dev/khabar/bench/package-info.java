/**
 * Benchmarks of the article extractor: speed against Readability4J and boilerpipe under JMH ({@link
 * dev.khabar.bench.ExtractionBenchmark}), and the baselines' F1 on the same corpus ({@link
 * dev.khabar.bench.EvalBaselines}).
 */
@NullMarked
package dev.khabar.bench;

import org.jspecify.annotations.NullMarked;
