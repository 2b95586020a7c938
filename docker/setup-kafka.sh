#!/usr/bin/env bash
# One-shot setup of Kafka for docker-compose.yml, run in the Kafka image: the topics with their
# partition counts, retention and record sizes. Idempotent: safe on every start.
#
# Environment: KHABAR_TOPIC_PARTITIONS (default 6); BOOTSTRAP (default kafka:9092).
set -euo pipefail

topics=/opt/kafka/bin/kafka-topics.sh
b="${BOOTSTRAP:-kafka:9092}"
p="${KHABAR_TOPIC_PARTITIONS:-6}"
create() {
  "$topics" --bootstrap-server "$b" --create --if-not-exists "$@"
}
create --topic khabar.pages.raw --partitions "$p" --config max.message.bytes=11534336 --config retention.ms=604800000
create --topic khabar.ingest.seen --partitions "$p" --config cleanup.policy=compact
create --topic khabar.articles --partitions "$p" --config retention.ms=2592000000
for dlq in khabar.ingest.dlq khabar.enrich.dlq khabar.indexer.dlq; do
  create --topic "$dlq" --partitions 1 --config max.message.bytes=16777216 --config retention.ms=1209600000
done
echo "setup: Kafka topics ready"
