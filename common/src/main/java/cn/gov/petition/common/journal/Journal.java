package cn.gov.petition.common.journal;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.outbox.CompactedTopics;
import cn.gov.petition.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 记录日志: the records a service's offices make (not those it derives from events) are journaled on a
 * compacted topic of the node (one record per row, the latest kept), sealed with the node's field
 * key, so that the service started with an empty database on the same Kafka rebuilds them before it
 * reads a single event (docs/adr/0037-a-nodes-own-records-are-journaled.md).
 *
 * <p>Writing is the database's: a trigger on each journaled table puts the row's new state into the
 * outbox in the changing transaction (R__journal.sql), and the relay seals and publishes it.
 * Reading is this class's, once per database, as the service starts: on a database that has not
 * read it (a new node, or one started empty in place of another), it reads the topic to its end and
 * puts the last state of every row in one transaction (nothing half restored), before the consumers
 * start; the database then marks the journal read.
 */
@ApplicationScoped
public class Journal {

  /** The outbox event type of a journaled row (never on a broadcast topic). */
  public static final String EVENT_TYPE = "cn.gov.petition.journal.row";

  private static final Logger LOG = Logger.getLogger(Journal.class);

  private final JournalTables tables;
  private final Map<String, Object> kafkaConfig;
  private final ObjectMapper json;
  private final String topic;

  public Journal(
      JournalTables tables,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.application.name") String service,
      @ConfigProperty(name = "petition.node.region", defaultValue = "53") String node) {
    this.tables = tables;
    this.kafkaConfig = kafkaConfig;
    this.json = json;
    this.topic = Topics.journal(node, service);
  }

  /** This node's journal topic of this service. */
  public String topic() {
    return topic;
  }

  /** Seals a journaled row's JSON for the topic (the relay's part). */
  public byte[] seal(String row) {
    return FieldCipher.instance().encrypt(row).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Before the consumers start (they run at {@code LIBRARY_BEFORE}): a service with journaled
   * tables creates its compacted topic and, on a database that has not read it, restores them from
   * it. A journal that cannot be read stops the start: a node never serves an empty database over a
   * full journal.
   */
  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    int restored = restoreOnce();
    if (restored > 0) {
      LOG.infof("Restored %d records from the journal %s", restored, topic);
    }
  }

  /**
   * Restores the journaled tables from the topic unless this database has read it before.
   *
   * @return the number of rows restored
   */
  public int restoreOnce() {
    Map<String, JournalTables.Table> journaled =
        QuarkusTransaction.requiringNew().call(tables::journaled);
    if (journaled.isEmpty()) {
      return 0;
    }
    FieldCipher.instance(); // no key, no start: a journal is never written in the clear
    CompactedTopics.create(kafkaConfig, topic);
    if (QuarkusTransaction.requiringNew().call(() -> tables.marked(topic))) {
      return 0;
    }
    List<JournalTables.Row> rows = read();
    QuarkusTransaction.requiringNew().run(() -> tables.restore(topic, rows, journaled));
    return rows.size();
  }

  /** The last state of every row on the topic, in the order the rows first appeared. */
  private List<JournalTables.Row> read() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    // a row's last state in the order rows first appeared: a listing before its reviews
    Map<String, JournalTables.Row> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          if (record.offset() >= end || !isJournalRow(record)) {
            continue;
          }
          JsonNode entry = open(record.value());
          JsonNode state = entry.get("row");
          latest.put(
              record.key(),
              new JournalTables.Row(
                  entry.get("table").asText(),
                  entry.get("key").toString(),
                  state == null || state.isNull() ? null : state.toString()));
        }
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static boolean isJournalRow(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    return record.value() != null
        && type != null
        && EVENT_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8));
  }

  private JsonNode open(byte[] sealed) {
    try {
      return json.readTree(
          FieldCipher.instance().decrypt(new String(sealed, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("a journal record is not JSON once opened", e);
    }
  }
}
