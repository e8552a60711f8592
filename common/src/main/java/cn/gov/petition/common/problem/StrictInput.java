package cn.gov.petition.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * A body is read only as what it says it is: a request that sends a body without a {@code
 * Content-Type}, or text in another encoding than UTF-8 (a {@code charset} other than UTF-8, or
 * JSON written in UTF-16 or UTF-32, which RFC 8259 does not allow between systems), is refused with
 * 415 problem+json: the headers here, before any resource runs; the body's first bytes as the REST
 * layer reads it ({@link Utf8Bodies}).
 */
@ApplicationScoped
public class StrictInput {

  private static final Set<HttpMethod> WITH_BODY =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

  private final ObjectMapper json;

  public StrictInput(ObjectMapper json) {
    this.json = json;
  }

  void onRouter(@Observes Router router) {
    // the headers only, before SecurityProblems' length check (ROUTE_ORDER_UPLOAD_LIMIT - 1); the
    // body itself is read by the REST layer, where Utf8Bodies looks at its first bytes (reading
    // it here breaks HTTP/2 requests, which the REST layer then cannot pause)
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2)
        .handler(
            context -> {
              if (!hasBody(context)) {
                context.next();
                return;
              }
              String type = context.request().getHeader("Content-Type");
              if (type == null || type.isBlank()) {
                refuse(context, "A request with a body states its Content-Type (application/json)");
              } else if (!utf8(type)) {
                refuse(context, "Text is accepted in UTF-8 only (RFC 8259)");
              } else {
                context.next();
              }
            });
  }

  private static boolean hasBody(RoutingContext context) {
    if (!WITH_BODY.contains(context.request().method())) {
      return false;
    }
    String length = context.request().getHeader("Content-Length");
    return (length != null && !length.strip().equals("0"))
        || context.request().headers().contains("Transfer-Encoding");
  }

  /** Whether a Content-Type's charset, if it names one, is UTF-8. */
  static boolean utf8(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        String charset = p.substring("charset=".length()).replace("\"", "").strip();
        return charset.equals("utf-8") || charset.equals("utf8");
      }
    }
    return true;
  }

  /**
   * Whether a body that starts with these bytes is text in UTF-16 or UTF-32: a byte-order mark, or
   * a zero byte among the first four (JSON starts with an ASCII character, which those encodings
   * pad with zeros).
   */
  static boolean notUtf8(byte[] start, int length) {
    int n = Math.min(4, length);
    if (n >= 2) {
      int b0 = start[0] & 0xFF;
      int b1 = start[1] & 0xFF;
      if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
        return true;
      }
    }
    for (int i = 0; i < n; i++) {
      if (start[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private void refuse(RoutingContext context, String detail) {
    String body;
    try {
      body = json.writeValueAsString(Problem.of(415, "Unsupported Media Type", detail));
    } catch (JsonProcessingException e) {
      context.fail(415);
      return;
    }
    context.response().setStatusCode(415);
    context.response().headers().set("Content-Type", Problem.MEDIA_TYPE);
    context.response().end(body);
  }
}
