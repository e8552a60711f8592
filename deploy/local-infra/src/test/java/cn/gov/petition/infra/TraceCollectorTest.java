package cn.gov.petition.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The local trace collector takes what an OTLP/HTTP exporter sends and finds a case's traces. */
class TraceCollectorTest {

  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void spansExportedByTwoNodesAreOneTraceFoundByTheCase() throws Exception {
    try (TraceCollector collector = TraceCollector.start(0)) {
      // the township's gateway takes the request, the county's intake applies the handoff
      HttpResponse<byte[]> plain =
          post(
              collector,
              export("gateway", "530302001", "b7ad6b7169203331", "", "POST /api/intake/cases"),
              false);
      assertEquals(200, plain.statusCode());
      HttpResponse<byte[]> gzipped =
          post(
              collector,
              export(
                  "intake-service",
                  "530302",
                  "00f067aa0ba902b7",
                  "b7ad6b7169203331",
                  "intake apply petition.case.handed-off"),
              true);
      assertEquals(200, gzipped.statusCode(), "a gzip-compressed export is taken too");

      List<TraceCollector.TraceSpan> trace = collector.trace(TRACE);
      assertEquals(
          List.of("gateway", "intake-service"),
          trace.stream().map(TraceCollector.TraceSpan::service).toList());
      assertEquals(
          List.of("530302001", "530302"),
          trace.stream().map(TraceCollector.TraceSpan::node).toList());
      assertEquals("b7ad6b7169203331", trace.get(1).parentSpanId());
      assertEquals(List.of(TRACE), collector.tracesOfCase("case-1"));
      assertEquals(List.of(TRACE), collector.tracesOfCase("QJ-2026-000001"));

      String json = get(collector, "/api/traces?case=case-1");
      assertTrue(json.contains("\"traceId\":\"" + TRACE + "\""), json);
      assertTrue(json.contains("intake apply petition.case.handed-off"), json);
      String page = get(collector, "/?case=QJ-2026-000001");
      assertTrue(page.contains("530302001") && page.contains("intake-service"), page);
      assertTrue(
          get(collector, "/?case=%3Cscript%3E").contains("&lt;script&gt;"),
          "what is asked is escaped");
      HttpResponse<String> garbage =
          http.send(
              HttpRequest.newBuilder(URI.create(collector.endpoint() + "/v1/traces"))
                  .header("Content-Type", "application/x-protobuf")
                  .POST(HttpRequest.BodyPublishers.ofString("not protobuf at all"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(400, garbage.statusCode(), "what is not an export is refused, not taken");
      assertEquals(2, collector.allSpans().size(), "and nothing of it is kept");
      assertEquals(
          404,
          http.send(
                  HttpRequest.newBuilder(URI.create(collector.endpoint() + "/api/traces/ffff"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
    }
  }

  private static ExportTraceServiceRequest export(
      String service, String node, String spanId, String parent, String name) {
    HexFormat hex = HexFormat.of();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(attribute("service.name", service))
                        .addAttributes(attribute("petition.node", node)))
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .addSpans(
                            Span.newBuilder()
                                .setTraceId(ByteString.copyFrom(hex.parseHex(TRACE)))
                                .setSpanId(ByteString.copyFrom(hex.parseHex(spanId)))
                                .setParentSpanId(ByteString.copyFrom(hex.parseHex(parent)))
                                .setName(name)
                                .setStartTimeUnixNano(1_000_000L * (parent.isEmpty() ? 1 : 2))
                                .setEndTimeUnixNano(9_000_000L)
                                .addAttributes(attribute("petition.case.id", "case-1"))
                                .addAttributes(
                                    attribute(
                                        "petition.case.number",
                                        parent.isEmpty() ? "QJ-2026-000001" : "case-1")))))
        .build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private HttpResponse<byte[]> post(
      TraceCollector collector, ExportTraceServiceRequest request, boolean gzip)
      throws IOException, InterruptedException {
    byte[] body = request.toByteArray();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(collector.endpoint() + "/v1/traces"))
            .header("Content-Type", "application/x-protobuf");
    if (gzip) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body);
      }
      body = zipped.toByteArray();
      builder.header("Content-Encoding", "gzip");
    }
    return http.send(
        builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private String get(TraceCollector collector, String path)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(collector.endpoint() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }
}
