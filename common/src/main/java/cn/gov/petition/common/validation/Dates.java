package cn.gov.petition.common.validation;

import cn.gov.petition.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates in query parameters. A query parameter of type {@code LocalDate} that does not parse is a
 * 404 under JAX-RS; taken as text with {@link #PATTERN} and read with {@link #parse}, a malformed
 * one is 400 and an impossible one (2026-13-01) 422, each naming the parameter.
 */
public final class Dates {

  /** The shape of a date parameter, for {@code @Pattern}. */
  public static final String PATTERN = "\\d{4}-\\d{2}-\\d{2}";

  public static final String MESSAGE = "must be a date such as 2026-12-01";

  private Dates() {}

  /** The date, or 422 naming the parameter when there is no such day. */
  public static LocalDate parse(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "Date", "不是有效日期 / " + text + " is not a calendar day");
    }
  }
}
