package cn.gov.petition.common.problem;

import java.util.List;

/**
 * A request the platform refuses for a reason the caller can act on: thrown by business code,
 * answered as problem+json with its status. Messages must never contain personal data.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final Long retryAfterSeconds;

  public ProblemException(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    this(status, title, detail, errors, null);
  }

  private ProblemException(
      int status,
      String title,
      String detail,
      List<Problem.FieldError> errors,
      Long retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429: the caller has used up a rate limit; answered with {@code Retry-After}. */
  public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ProblemException(
        429, "Too Many Requests", detail, List.of(), Math.max(1, retryAfterSeconds));
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(404, "Not Found", what + " " + id + " does not exist", List.of());
  }

  /** 403: the caller is known but their unit or region may not do this. */
  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail, List.of());
  }

  /** 409: the request is valid but the case is not in a state that allows it. */
  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail, List.of());
  }

  /** 400: a field is malformed (its shape, not a business rule), named with the rule it breaks. */
  public static ProblemException malformed(String field, String rule, String message) {
    return new ProblemException(
        400, "Bad Request", message, List.of(new Problem.FieldError(field, rule, message)));
  }

  /** 422: well-formed, but a field breaks a business rule. */
  public static ProblemException invalid(String field, String rule, String message) {
    return new ProblemException(
        422,
        "Unprocessable Content",
        message,
        List.of(new Problem.FieldError(field, rule, message)));
  }

  /** 422 with every rule the request breaks, so the clerk can mend them all at once. */
  public static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    return new ProblemException(422, "Unprocessable Content", detail, errors);
  }

  /** Seconds the caller should wait before trying again, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Problem problem() {
    return new Problem(Problem.typeFor(status), title, status, getMessage(), errors);
  }
}
