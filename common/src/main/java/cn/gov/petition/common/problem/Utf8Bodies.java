package cn.gov.petition.common.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.List;

/**
 * JSON, JSON Lines and text bodies are read in UTF-8 only: the first bytes of a body are looked at
 * as the REST layer reads it, and one written in UTF-16 or UTF-32 (which a JSON reader would
 * otherwise decode silently) is refused with 415 problem+json ({@link StrictInput}).
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json")
            || type.getSubtype().equals("x-ndjson")
            || "text".equals(type.getType()))) {
      PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 4);
      byte[] start = new byte[4];
      int read = in.readNBytes(start, 0, 4);
      if (read > 0) {
        in.unread(start, 0, read);
      }
      if (StrictInput.notUtf8(start, read)) {
        throw new ProblemException(
            415, "Unsupported Media Type", "Text is accepted in UTF-8 only (RFC 8259)", List.of());
      }
      context.setInputStream(in);
    }
    return context.proceed();
  }
}
