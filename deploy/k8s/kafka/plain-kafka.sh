#!/usr/bin/env bash
# The platform's Kafka topics and ACLs for a Kafka cluster without Strimzi, with the Kafka
# distribution's own tools (kafka-topics.sh, kafka-acls.sh on PATH, or KAFKA_BIN=<its bin/>).
# The same topics, partitions, retention and ACLs as kafka/*.yaml and base/kafka-node.yaml, as
# docs/asyncapi.yaml gives them (KafkaTopicsTest checks that all three agree).
#
#   plain-kafka.sh cluster                 # once: the broadcast topics and the node registry
#   plain-kafka.sh node <region>           # per node: its own topics and its user's ACLs
#   plain-kafka.sh subscriber <name>       # per outside subscriber: read-only ACLs
#
# Connection: BOOTSTRAP (host:port) and, for a secured cluster, ADMIN_CONFIG (a client
# properties file for kafka-topics.sh/kafka-acls.sh --command-config). Users are SCRAM
# principals (User:petition-node-<region>); create their credentials with kafka-configs.sh.
set -euo pipefail

BOOTSTRAP="${BOOTSTRAP:?set BOOTSTRAP to host:port of the cluster}"
BIN="${KAFKA_BIN:+$KAFKA_BIN/}"
CONFIG=()
if [[ -n "${ADMIN_CONFIG:-}" ]]; then CONFIG=(--command-config "$ADMIN_CONFIG"); fi

# topic <name> <partitions> <config...>: created once, left alone when it exists
topic() {
  local name="$1" partitions="$2"
  shift 2
  local configs=()
  for c in "$@" min.insync.replicas=2; do configs+=(--config "$c"); done
  "${BIN}kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" "${CONFIG[@]}" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 3 "${configs[@]}"
}

# allow <principal> <resource: --topic X | --group X> <pattern: literal|prefixed> <operation...>
allow() {
  local principal="$1" kind="$2" name="$3" pattern="$4"
  shift 4
  local operations=()
  for o in "$@"; do operations+=(--operation "$o"); done
  "${BIN}kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" "${CONFIG[@]}" --add \
    --allow-principal "User:$principal" "$kind" "$name" --resource-pattern-type "$pattern" \
    "${operations[@]}"
}

case "${1:-}" in
  cluster)
    topic petition.case-events 12 cleanup.policy=delete retention.ms=-1
    topic petition.supervision-events 6 cleanup.policy=delete retention.ms=-1
    topic petition.analytics-events 3 cleanup.policy=delete retention.ms=-1
    topic petition.nodes 1 cleanup.policy=compact
    topic petition.calendar 1 cleanup.policy=compact
    ;;
  node)
    node="${2:?the region code of the node}"
    region_code='^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3})?)?)?$'
    if [[ ! "$node" =~ $region_code ]]; then
      echo "not a region code: $node" >&2
      exit 2
    fi
    topic "petition.node.$node.routing-requests" 3 cleanup.policy=delete retention.ms=2592000000
    topic "petition.node.$node.routing-decisions" 3 cleanup.policy=delete retention.ms=2592000000
    topic "petition.handoffs.$node" 3 cleanup.policy=delete retention.ms=7776000000
    topic "petition.dead-letter.$node" 1 cleanup.policy=delete retention.ms=7776000000
    # the journals of the node's own records (docs/adr/0037)
    topic "petition.node.$node.journal.supervision-service" 1 cleanup.policy=compact
    topic "petition.node.$node.journal.analytics-service" 1 cleanup.policy=compact
    user="petition-node-$node"
    allow "$user" --topic petition.case-events literal Describe Read Write
    allow "$user" --topic petition.supervision-events literal Describe Read Write
    allow "$user" --topic petition.analytics-events literal Describe Read Write
    allow "$user" --topic petition.nodes literal Describe Read Write
    allow "$user" --topic "petition.node.$node." prefixed Describe Read Write
    allow "$user" --topic "petition.handoffs.$node" literal Describe Read
    allow "$user" --topic petition.handoffs. prefixed Describe Write
    allow "$user" --topic "petition.dead-letter.$node" literal Describe Read Write
    allow "$user" --group "$node." prefixed Describe Read
    allow "$user" --topic petition.calendar literal Describe Read Write
    ;;
  subscriber)
    name="${2:?the name of the subscriber}"
    user="petition-subscriber-$name"
    allow "$user" --topic petition.case-events literal Describe Read
    allow "$user" --topic petition.supervision-events literal Describe Read
    allow "$user" --topic petition.analytics-events literal Describe Read
    allow "$user" --group "subscriber-$name." prefixed Describe Read
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
