#!/usr/bin/env bash
# Restores one node's database from a backup of backup-node.sh (docs/backup.md) and rewinds the
# node's consumer groups to where they stood when it was taken, so that the node's services, once
# started again, catch up from Kafka with everything that happened since (their inboxes skip what
# the database already holds).
#
#   deploy/backup/restore-node.sh --from /backups/5303-2026-11-26 [--database petition_5303] [--replace]
#
# Stop the node's services first: a consumer group with members cannot be rewound, and a service
# writing to the database would be lost by the restore. The database must not exist (after a
# wipe, or dropped by hand) unless --replace is given, which drops it.
# Environment as for backup-node.sh.
set -euo pipefail
trap 'echo "$0: line $LINENO: $BASH_COMMAND failed" >&2' ERR

from="" database="" replace=false
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --replace) replace=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$from/backup.properties" ] || { echo "--from: $from holds no backup (no backup.properties)" >&2; exit 2; }
[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] || { echo "KAFKA_BOOTSTRAP_SERVERS is not set" >&2; exit 2; }
(cd "$from" && sha256sum --quiet -c SHA256SUMS) \
  || { echo "--from: $from does not match its SHA256SUMS; not restoring a damaged backup" >&2; exit 1; }
property() { sed -n "s/^$1=//p" "$from/backup.properties"; }
region="$(property region)"
database="${database:-$(property database)}"

groups_cmd=(kafka-consumer-groups.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS")
[ -n "${KAFKA_COMMAND_CONFIG:-}" ] && groups_cmd+=(--command-config "$KAFKA_COMMAND_CONFIG")
mapfile -t groups < <("${groups_cmd[@]}" --list | grep -E "^${region}\.[a-z-]+$" | sort)
for group in "${groups[@]}"; do
  if ! "${groups_cmd[@]}" --describe --members --group "$group" 2>&1 | grep -q "has no active members"; then
    echo "the consumer group $group has members: stop the services of node $region first" >&2; exit 1
  fi
done

exists="$(psql --dbname=postgres -XAtc "SELECT 1 FROM pg_database WHERE datname = '$database'")"
if [ "$exists" = 1 ]; then
  if [ "$replace" != true ]; then
    echo "the database $database exists; give --replace to drop it and restore the backup" >&2; exit 1
  fi
  psql --dbname=postgres -Xqc "DROP DATABASE \"$database\" WITH (FORCE)"
fi
psql --dbname=postgres -Xqc "CREATE DATABASE \"$database\""
pg_restore --dbname="$database" --exit-on-error --single-transaction --no-owner "$from/database.dump"

# every group back to the start, then to where the backup found it: a partition first committed
# after the backup is read again from its start as well
plan="$(mktemp)"
trap 'rm -f "$plan"' EXIT
for group in "${groups[@]}"; do
  "${groups_cmd[@]}" --reset-offsets --group "$group" --all-topics --to-earliest --execute > /dev/null
  grep "^$group," "$from/offsets.csv" | cut -d, -f2- > "$plan" || true
  if [ -s "$plan" ]; then
    "${groups_cmd[@]}" --reset-offsets --group "$group" --from-file "$plan" --execute > /dev/null
  fi
done
echo "restored $database from $from (taken $(property taken_at)) and rewound ${#groups[@]} consumer groups; start the node's services"
