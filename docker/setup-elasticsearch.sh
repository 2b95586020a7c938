#!/usr/bin/env bash
# One-shot setup of Elasticsearch for docker-compose.yml, run in the Elasticsearch image (it has
# curl): checks the passwords, waits (bounded) for the node, then sets kibana_system's password and
# creates the khabar_indexer role and user the indexer writes as. Idempotent: safe on every start.
#
# Environment: ELASTIC_PASSWORD, KIBANA_PASSWORD, KHABAR_INDEXER_PASSWORD (each at least 12
# characters, not the .env.example values); ES_URL (default http://elasticsearch:9200), SETUP_TRIES
# (default 36) and SETUP_INTERVAL seconds (default 5) bound the wait.
set -euo pipefail

fail() {
  echo "setup: $*" >&2
  exit 1
}

for name in ELASTIC_PASSWORD KIBANA_PASSWORD KHABAR_INDEXER_PASSWORD; do
  value="${!name:-}"
  case "$value" in
    "") fail "$name is not set: set it in .env" ;;
    change-me*) fail "$name is still the example value of .env.example: choose a password of your own" ;;
  esac
  [ "${#value}" -ge 12 ] || fail "$name is shorter than 12 characters"
done

es_url="${ES_URL:-http://elasticsearch:9200}"
tries="${SETUP_TRIES:-36}"
interval="${SETUP_INTERVAL:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A JSON string literal of $1: backslashes and double quotes escaped, so any password fits.
json_string() {
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

# The elastic user's credentials go to curl in a config file, never in a URL or on a command line.
printf 'user = %s\n' "$(json_string "elastic:$ELASTIC_PASSWORD")" > "$work/curlrc"

# Calls the API: method, path, optional JSON body; prints the HTTP status (000: no answer) and
# keeps the body in $work/out.
es() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS -K "$work/curlrc" -o "$work/out" -w '%{http_code}' -X "$method" --max-time 10)
  if [ -n "$body" ]; then
    printf '%s' "$body" \
      | curl "${args[@]}" -H 'Content-Type: application/json' --data-binary @- "$es_url$path" \
        2>"$work/err" || true
  else
    curl "${args[@]}" "$es_url$path" 2>"$work/err" || true
  fi
}

attempt=1
while :; do
  status="$(es GET /_security/_authenticate)"
  case "$status" in
    200) break ;;
    401)
      fail "Elasticsearch refuses the elastic user's password. ELASTIC_PASSWORD only takes effect on" \
        "the first start of an empty es-data volume; to change it later see README (Running with Docker)" ;;
  esac
  [ "$attempt" -lt "$tries" ] \
    || fail "Elasticsearch at $es_url did not answer within $((tries * interval)) s (last: HTTP $status $(cat "$work/err" "$work/out" 2>/dev/null | head -c 300))"
  echo "setup: waiting for Elasticsearch at $es_url ($attempt/$tries)" >&2
  attempt=$((attempt + 1))
  sleep "$interval"
done

call() {
  local status
  status="$(es "$@")"
  [ "$status" = 200 ] || fail "$1 $2 answered HTTP $status: $(head -c 500 "$work/out")"
}

call POST /_security/user/kibana_system/_password "{\"password\":$(json_string "$KIBANA_PASSWORD")}"
call PUT /_security/role/khabar_indexer '{
  "cluster": ["monitor", "manage_index_templates"],
  "indices": [{
    "names": ["news-articles*"],
    "privileges": ["create_index", "manage", "write", "read", "view_index_metadata"]
  }]
}'
call PUT /_security/user/khabar_indexer \
  "{\"password\":$(json_string "$KHABAR_INDEXER_PASSWORD"),\"roles\":[\"khabar_indexer\"],\"full_name\":\"Khabar indexer\"}"
echo "setup: Elasticsearch ready (kibana_system password set, khabar_indexer role and user in place)"
