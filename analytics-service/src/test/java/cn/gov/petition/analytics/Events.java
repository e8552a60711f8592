package cn.gov.petition.analytics;

import cn.gov.petition.contracts.EventType;
import cn.gov.petition.infra.KafkaProbe;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.UUID;

/**
 * The events intake would publish, built from the real contract records, for the analytics tests.
 */
final class Events {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Events() {}

  /** One event with a new id, its type taken from the record's contract, keyed by the case. */
  static KafkaProbe.Outgoing of(String caseId, String caseNumber, Record data) {
    try {
      return new KafkaProbe.Outgoing(
          caseId,
          KafkaProbe.cloudEventHeaders(
              UUID.randomUUID().toString(), EventType.of(data.getClass()).type(), caseNumber),
          JSON.writeValueAsString(data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
