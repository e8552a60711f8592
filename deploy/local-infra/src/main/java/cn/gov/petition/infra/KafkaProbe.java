package cn.gov.petition.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes raw Kafka records the way an outside subscriber would, for tests that check what
 * really travels on a topic (headers, key, value), independent of the platform's own code.
 */
public final class KafkaProbe {

  private final String bootstrapServers;

  public KafkaProbe(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** A record as it was on the topic. Headers are decoded as UTF-8. */
  public record Seen(String topic, String key, Map<String, String> headers, String value) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  /** Reads the topic from the beginning until {@code count} records match, or the timeout. */
  public List<Seen> await(String topic, Predicate<Seen> match, int count, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<Seen> seen = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, String>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (seen.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          Map<String, String> headers = new LinkedHashMap<>();
          for (Header header : record.headers()) {
            headers.put(
                header.key(),
                header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
          }
          Seen candidate = new Seen(record.topic(), record.key(), headers, record.value());
          if (match.test(candidate)) {
            seen.add(candidate);
          }
        }
      }
    }
    return seen;
  }

  /** A record to write: its key, headers and value. */
  public record Outgoing(String key, Map<String, String> headers, String value) {}

  /** Writes a record with the given headers, as another producer would. */
  public void send(String topic, String key, Map<String, String> headers, String value) {
    sendAll(topic, List.of(new Outgoing(key, headers, value)));
  }

  /**
   * Writes records in one go from one producer (so that, with one key, a consumer normally reads
   * them in one poll) and waits until the broker has them all.
   */
  public void sendAll(String topic, List<Outgoing> records) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.LINGER_MS_CONFIG,
            50,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (var producer = new KafkaProducer<String, String>(config)) {
      List<Future<?>> sent = new ArrayList<>();
      for (Outgoing outgoing : records) {
        var record = new ProducerRecord<String, String>(topic, outgoing.key(), outgoing.value());
        outgoing
            .headers()
            .forEach(
                (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        sent.add(producer.send(record));
      }
      for (var future : sent) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  /** A CloudEvents 1.0 binary-mode record's headers. */
  public static Map<String, String> cloudEventHeaders(String id, String type, String subject) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", id);
    headers.put("ce_type", type);
    headers.put("ce_source", "/test/probe");
    headers.put("ce_subject", subject);
    headers.put("content-type", "application/json");
    return headers;
  }
}
