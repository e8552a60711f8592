package cn.gov.petition.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace (链路) across the events: the outbox keeps the trace context of the transaction
 * that wrote an event ({@link #currentParent}), the relay publishes it in a span of its own whose
 * context goes in the record's W3C {@code traceparent} header ({@link #startPublishing}), and each
 * consumer applies the event in a span under it ({@link #startApplying}). So one trace runs from
 * the gateway through every service and node a petition reaches (docs/adr/0027-traces.md).
 *
 * <p>Spans name a case by its id ({@value #CASE_ID}) and never carry personal data: event data and
 * request bodies are not recorded.
 */
@ApplicationScoped
public class EventTracing {

  /** The span attribute naming the case a span worked on: the event's key, the case id. */
  public static final String CASE_ID = "petition.case.id";

  /** The span attribute naming the case by its number (set where a case is registered). */
  public static final String CASE_NUMBER = "petition.case.number";

  private static final AttributeKey<String> CASE = AttributeKey.stringKey(CASE_ID);
  private static final AttributeKey<String> NUMBER = AttributeKey.stringKey(CASE_NUMBER);
  private static final AttributeKey<String> TYPE = AttributeKey.stringKey("petition.event.type");
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> CONSUMER =
      AttributeKey.stringKey("messaging.consumer.group.name");
  private static final String TRACEPARENT = "traceparent";
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private final Tracer tracer;

  public EventTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Names the case the work in progress (a request, an event applied) is about in its span, so that
   * a trace collector finds the trace by the case's id or number.
   */
  public static void nameCase(String caseId, String caseNumber) {
    Span.current().setAttribute(CASE, caseId).setAttribute(NUMBER, caseNumber);
  }

  /** The W3C traceparent of the span in progress, or null when nothing is traced. */
  public String currentParent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Starts the span of publishing an event, under the trace it was written in ({@code traceParent},
   * null for none: a new trace), and writes its context into the record's headers. The caller ends
   * it once the broker has acknowledged (or refused) the record.
   */
  public Span startPublishing(
      String traceParent, String topic, String type, String caseId, Headers headers) {
    Context parent =
        traceParent == null
            ? Context.root()
            : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceParent), MAP);
    Span span =
        tracer
            .spanBuilder("publish " + type)
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(DESTINATION, topic)
            .setAttribute(TYPE, type)
            .setAttribute(CASE, caseId)
            .startSpan();
    W3C.inject(
        parent.with(span),
        headers,
        (carrier, key, value) -> {
          carrier.remove(key);
          carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    return span;
  }

  /**
   * Starts the span of a consumer applying an event, under the span that published it (from the
   * record's headers; a new trace if it has none). The caller makes it current while it applies the
   * event, and ends it.
   */
  public Span startApplying(String consumer, String type, String caseId, Headers headers) {
    Context parent = W3C.extract(Context.root(), headers, HEADERS);
    return tracer
        .spanBuilder(consumer + " apply " + type)
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(CONSUMER, consumer)
        .setAttribute(TYPE, type)
        .setAttribute(CASE, caseId)
        .startSpan();
  }

  private static final TextMapGetter<Map<String, String>> MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private static final TextMapGetter<Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
          if (carrier == null) {
            return null;
          }
          Header header = carrier.lastHeader(key);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };
}
