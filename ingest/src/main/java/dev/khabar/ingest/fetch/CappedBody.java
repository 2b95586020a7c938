package dev.khabar.ingest.fetch;

/**
 * A response body read up to a limit: past it, the download is abandoned instead of buffered, so a
 * 20 MB page or an endless stream costs at most the limit in memory.
 */
record CappedBody(byte[] bytes, boolean truncated) {}
