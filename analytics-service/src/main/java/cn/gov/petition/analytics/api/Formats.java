package cn.gov.petition.analytics.api;

import cn.gov.petition.common.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Which of the formats an answer is offered in the caller asked for: the first of the caller's
 * acceptable types (by preference) that one of them matches, and the first offered for any type
 * ({@code *}{@code /*}, or no Accept at all), so that a plain request gets JSON.
 */
final class Formats {

  static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
  static final MediaType CSV = MediaType.valueOf("text/csv;charset=UTF-8");
  static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final MediaType XLSX = MediaType.valueOf(XLSX_TYPE);

  private Formats() {}

  /** The chosen format; 406 (as problem details) when the caller accepts none of them. */
  static MediaType chosen(HttpHeaders headers, MediaType... offered) {
    List<MediaType> accepted = headers.getAcceptableMediaTypes();
    for (MediaType wanted : accepted) {
      for (MediaType format : offered) {
        if (wanted.isCompatible(format)) {
          return format;
        }
      }
    }
    throw new ProblemException(
        406, "Not Acceptable", "可提供的格式 / offered as: " + List.of(offered), List.of());
  }
}
