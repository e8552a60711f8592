#!/usr/bin/env bash
# Backs up one node's database (docs/backup.md): first where each of the node's consumer groups
# stands in Kafka, then a pg_dump of the database. The order matters: a service commits its Kafka
# offset only after its database transaction, so every event before the recorded offsets is in the
# dump, and a restore that rewinds the groups to them misses nothing (the inboxes skip the rest).
#
#   deploy/backup/backup-node.sh --region 5303 --out /backups/5303-2026-11-26 [--database petition_5303]
#
# PostgreSQL: the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGSSLMODE ...);
#   pg_dump of the server's major version or newer.
# Kafka: KAFKA_BOOTSTRAP_SERVERS, and KAFKA_COMMAND_CONFIG for a client properties file (TLS, SASL);
#   kafka-consumer-groups.sh on the PATH (Kafka's bin/).
set -euo pipefail
trap 'echo "$0: line $LINENO: $BASH_COMMAND failed" >&2' ERR

region="" out="" database=""
while [ $# -gt 0 ]; do
  case "$1" in
    --region) region="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$region" =~ ^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3})?)?)?$ ]] \
  || { echo "--region: a division code of 2, 4, 6 or 9 digits (53, 5303, 530302, 530302001)" >&2; exit 2; }
[ -n "$out" ] || { echo "--out: the directory to write the backup to (new or empty)" >&2; exit 2; }
[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] || { echo "KAFKA_BOOTSTRAP_SERVERS is not set" >&2; exit 2; }
database="${database:-petition_$region}"
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "--out: $out is not empty; a backup is never written over another" >&2; exit 2
fi
mkdir -p "$out"

groups_cmd=(kafka-consumer-groups.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS")
[ -n "${KAFKA_COMMAND_CONFIG:-}" ] && groups_cmd+=(--command-config "$KAFKA_COMMAND_CONFIG")

taken_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
# the node's groups are named <region>.<service> (common microprofile-config.properties)
mapfile -t groups < <("${groups_cmd[@]}" --list | grep -E "^${region}\.[a-z-]+$" | sort)
: > "$out/offsets.csv"
for group in "${groups[@]}"; do
  # GROUP TOPIC PARTITION CURRENT-OFFSET ...: the header names the columns
  "${groups_cmd[@]}" --describe --offsets --group "$group" | awk -v group="$group" '
    $1 == "GROUP" { for (i = 1; i <= NF; i++) col[$i] = i; next }
    col["GROUP"] && $col["GROUP"] == group && $col["CURRENT-OFFSET"] ~ /^[0-9]+$/ {
      print group "," $col["TOPIC"] "," $col["PARTITION"] "," $col["CURRENT-OFFSET"]
    }' >> "$out/offsets.csv"
done

pg_dump --format=custom --file="$out/database.dump" --dbname="$database"

{
  echo "region=$region"
  echo "database=$database"
  echo "taken_at=$taken_at"
  echo "groups=$(IFS=,; echo "${groups[*]}")"
  echo "pg_dump=$(pg_dump --version)"
} > "$out/backup.properties"
(cd "$out" && sha256sum backup.properties offsets.csv database.dump > SHA256SUMS)
echo "backed up $database and the offsets of ${#groups[@]} consumer groups to $out"
