package cn.gov.petition.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Keeps what a caller put in a URL out of the spans: a path can hold a petitioner's query code and
 * a query string a search term, so the HTTP spans keep the route ({@code http.route}, e.g. {@code
 * /cases/{id}}) and the status, and these attributes are overwritten as they start.
 */
@ApplicationScoped
public class AddressesOutOfSpans implements SpanProcessor {

  static final String REDACTED = "[redacted]";

  private static final List<AttributeKey<String>> ADDRESSES =
      List.of(
          AttributeKey.stringKey("url.full"),
          AttributeKey.stringKey("url.path"),
          AttributeKey.stringKey("url.query"),
          AttributeKey.stringKey("http.target"),
          AttributeKey.stringKey("http.url"));

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    for (AttributeKey<String> key : ADDRESSES) {
      if (span.getAttribute(key) != null) {
        span.setAttribute(key, REDACTED);
      }
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }
}
