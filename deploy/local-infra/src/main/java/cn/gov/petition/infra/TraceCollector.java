package cn.gov.petition.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The trace collector of one machine (链路追踪): takes the spans every service of every local node
 * exports over OTLP/HTTP ({@code POST /v1/traces}, protobuf, as Quarkus sends them), keeps the most
 * recent traces in memory, and shows them: {@code GET /} a page that finds a case's traces by case
 * id or number and draws each as a waterfall, {@code GET /api/traces?case=...} and {@code GET
 * /api/traces/<trace id>} the same as JSON. A node in production exports to the operator's own
 * collector instead (docs/operations.md, docs/adr/0027-traces.md).
 */
public final class TraceCollector implements AutoCloseable {

  /** The span attribute naming the case a span worked on (set by intake and by Inbox/Outbox). */
  public static final String CASE_ID = "petition.case.id";

  /** The span attribute naming the case by its number (set at registration). */
  public static final String CASE_NUMBER = "petition.case.number";

  /** Traces kept; the oldest is forgotten first. */
  static final int MAX_TRACES = 20_000;

  /** Spans kept of one trace (a runaway trace cannot take all memory). */
  static final int MAX_SPANS_PER_TRACE = 2_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  /** The traces by id, oldest first. */
  private final LinkedHashMap<String, List<TraceSpan>> traces = new LinkedHashMap<>();

  /** The traces that worked on a case, by case id and by case number. */
  private final Map<String, Set<String>> byCase = new LinkedHashMap<>();

  private TraceCollector(HttpServer server) {
    this.server = server;
  }

  /**
   * One span as the page shows it.
   *
   * @param service the exporting service ({@code service.name})
   * @param node the node it belongs to ({@code petition.node}; empty if unnamed)
   * @param startNanos start, nanoseconds since the epoch
   */
  public record TraceSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      String service,
      String node,
      long startNanos,
      long durationNanos,
      boolean error,
      Map<String, String> attributes) {}

  /** Starts the collector on the loopback interface, on {@code preferredPort} when free. */
  public static TraceCollector start(int preferredPort) {
    try {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(
                  InetAddress.getLoopbackAddress(), Ports.freePort(preferredPort)),
              0);
      TraceCollector collector = new TraceCollector(server);
      server.createContext("/", collector::handle);
      server.setExecutor(Executors.newFixedThreadPool(2, TraceCollector::daemon));
      server.start();
      return collector;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the trace collector", e);
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "trace-collector");
    thread.setDaemon(true);
    return thread;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Where the services export: the OTLP/HTTP base URL ({@code /v1/traces} is appended). */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** The page a user opens to see a case's traces. */
  public String pageUrl() {
    return endpoint() + "/";
  }

  /** The Quarkus properties that make a service export its spans here. */
  public Map<String, String> exporterConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.otel.sdk.disabled", "false");
    config.put("quarkus.otel.exporter.otlp.traces.endpoint", endpoint());
    config.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
    return config;
  }

  /** Takes the spans of one export request (public for the collector's own test). */
  public synchronized void accept(ExportTraceServiceRequest request) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      Map<String, String> resourceAttributes =
          attributes(resource.getResource().getAttributesList());
      String service = resourceAttributes.getOrDefault("service.name", "");
      String node = resourceAttributes.getOrDefault("petition.node", "");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          add(view(span, service, node));
        }
      }
    }
  }

  private void add(TraceSpan span) {
    List<TraceSpan> trace = traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>());
    if (trace.size() < MAX_SPANS_PER_TRACE) {
      trace.add(span);
    }
    for (String key : List.of(CASE_ID, CASE_NUMBER)) {
      String value = span.attributes().get(key);
      if (value != null) {
        byCase.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(span.traceId());
      }
    }
    while (traces.size() > MAX_TRACES) {
      String oldest = traces.keySet().iterator().next();
      traces.remove(oldest);
      byCase.values().forEach(ids -> ids.remove(oldest));
      byCase.values().removeIf(Set::isEmpty);
    }
  }

  /** The spans of a trace, in the order they started; empty if unknown. */
  public synchronized List<TraceSpan> trace(String traceId) {
    List<TraceSpan> spans = new ArrayList<>(traces.getOrDefault(traceId, List.of()));
    spans.sort(Comparator.comparingLong(TraceSpan::startNanos));
    return spans;
  }

  /** The ids of the traces that worked on a case (by id or number), oldest first. */
  public synchronized List<String> tracesOfCase(String caseIdOrNumber) {
    return List.copyOf(byCase.getOrDefault(caseIdOrNumber, Set.of()));
  }

  /** Every span held, for checks that no span carries what it must not. */
  public synchronized List<TraceSpan> allSpans() {
    return traces.values().stream().flatMap(List::stream).toList();
  }

  private static TraceSpan view(Span span, String service, String node) {
    HexFormat hex = HexFormat.of();
    return new TraceSpan(
        hex.formatHex(span.getTraceId().toByteArray()),
        hex.formatHex(span.getSpanId().toByteArray()),
        hex.formatHex(span.getParentSpanId().toByteArray()),
        span.getName(),
        span.getKind().name().replace("SPAN_KIND_", ""),
        service,
        node,
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano() - span.getStartTimeUnixNano(),
        span.getStatus().getCode()
            == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR,
        attributes(span.getAttributesList()));
  }

  private static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> attributes = new TreeMap<>();
    for (KeyValue pair : list) {
      attributes.put(pair.getKey(), text(pair.getValue()));
    }
    return attributes;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> String.valueOf(value.getBoolValue());
      case INT_VALUE -> String.valueOf(value.getIntValue());
      case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
      default -> value.toString().trim();
    };
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (method.equals("POST") && path.endsWith("/v1/traces")) {
        receive(exchange);
      } else if (method.equals("GET") && path.equals("/api/traces")) {
        String caseKey = query(exchange, "case");
        List<Map<String, Object>> found = new ArrayList<>();
        for (String traceId : tracesOfCase(caseKey)) {
          found.add(Map.of("traceId", traceId, "spans", trace(traceId)));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("traces", found)));
      } else if (method.equals("GET") && path.startsWith("/api/traces/")) {
        List<TraceSpan> spans = trace(path.substring("/api/traces/".length()));
        send(
            exchange,
            spans.isEmpty() ? 404 : 200,
            "application/json",
            JSON.writeValueAsBytes(Map.of("spans", spans)));
      } else if (method.equals("GET") && path.equals("/")) {
        String caseKey = query(exchange, "case");
        send(
            exchange,
            200,
            "text/html; charset=utf-8",
            TracePage.render(caseKey, caseKey.isEmpty() ? List.of() : casesTraces(caseKey))
                .getBytes(StandardCharsets.UTF_8));
      } else {
        send(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "not found".getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException e) {
      send(
          exchange,
          400,
          "text/plain; charset=utf-8",
          String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
  }

  private List<List<TraceSpan>> casesTraces(String caseKey) {
    return tracesOfCase(caseKey).stream().map(this::trace).toList();
  }

  private void receive(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    ExportTraceServiceRequest request;
    try (InputStream body =
        "gzip".equalsIgnoreCase(encoding)
            ? new GZIPInputStream(exchange.getRequestBody())
            : exchange.getRequestBody()) {
      request = ExportTraceServiceRequest.parseFrom(body);
    } catch (IOException unreadable) {
      send(
          exchange,
          400,
          "text/plain; charset=utf-8",
          "not an OTLP ExportTraceServiceRequest in protobuf".getBytes(StandardCharsets.UTF_8));
      return;
    }
    accept(request);
    send(
        exchange,
        200,
        "application/x-protobuf",
        ExportTraceServiceResponse.getDefaultInstance().toByteArray());
  }

  private static String query(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return "";
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8).trim();
      }
    }
    return "";
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
