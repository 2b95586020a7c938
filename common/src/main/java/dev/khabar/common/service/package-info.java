/**
 * What every Khabar service has: configuration from environment variables, {@code /health}, {@code
 * /ready} and Prometheus {@code /metrics} on one port, and a clean stop on SIGTERM.
 */
@NullMarked
package dev.khabar.common.service;

import org.jspecify.annotations.NullMarked;
