package dev.khabar.indexer.bulk;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Sorts a failed bulk item: try again later, already done, or never going to work. */
final class ItemFailures {
  /** What to do with one failed item. */
  enum Action {
    RETRY,
    ALREADY_NEWER,
    DEAD_LETTER
  }

  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 500, 502, 503, 504);
  private static final Set<String> RETRYABLE_TYPES =
      Set.of(
          "es_rejected_execution_exception",
          "circuit_breaking_exception",
          "unavailable_shards_exception",
          "cluster_block_exception",
          "process_cluster_event_timeout_exception",
          "timeout_exception",
          "node_not_connected_exception",
          "no_shard_available_action_exception");

  private ItemFailures() {}

  static Action classify(int status, @Nullable String errorType) {
    if (status == 409 || "version_conflict_engine_exception".equals(errorType)) {
      // With external versions a conflict means the index already holds this or a newer version.
      return Action.ALREADY_NEWER;
    }
    if (RETRYABLE_STATUS.contains(status)
        || errorType != null && RETRYABLE_TYPES.contains(errorType)) {
      return Action.RETRY;
    }
    return Action.DEAD_LETTER;
  }
}
