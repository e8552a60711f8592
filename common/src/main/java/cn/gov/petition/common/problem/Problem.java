package cn.gov.petition.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code errors} names each failing field and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One broken rule: the field (a JSON path such as {@code petitioners[0].idNumber}) and why. */
  public record FieldError(String field, String rule, String message) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem(typeFor(status), title, status, detail, List.of());
  }

  static String typeFor(int status) {
    return "https://petition.gov.cn/problems/" + status;
  }
}
