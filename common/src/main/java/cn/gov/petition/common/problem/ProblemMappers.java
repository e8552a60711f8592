package cn.gov.petition.common.problem;

import cn.gov.petition.common.tx.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one mapping from exceptions to RFC 9457 problem+json responses, shared by every service.
 * Details name fields and rules, never the values sent (which may be personal data).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    if (e.retryAfterSeconds() != null) {
      return Response.fromResponse(response(e.problem()))
          .header("Retry-After", e.retryAfterSeconds())
          .build();
    }
    return response(e.problem());
  }

  @ServerExceptionMapper(priority = 1)
  public Response violation(ResteasyReactiveViolationException e) {
    return constraintViolation(e);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), ruleOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(err -> err.field() + ": " + err.message())
            .collect(Collectors.joining("; "));
    return response(new Problem(Problem.typeFor(400), "Bad Request", 400, detail, errors));
  }

  /**
   * Overrides Quarkus' own mapper for wrong types and unknown enum values, which is not
   * problem+json.
   */
  @ServerExceptionMapper(priority = 1)
  public Response mismatched(MismatchedInputException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e) {
    String field = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = pathOf(mapping.getPath());
    }
    String rule = "type";
    String detail =
        field.isEmpty()
            ? "The body is not valid JSON"
            : "The value of " + field + " has the wrong type or format";
    if (e instanceof StrictJson.ControlCharacterException) {
      rule = "NoControlCharacters";
      detail =
          "The text of "
              + field
              + " holds a control character (NUL or another below U+0020 but tab and line breaks)";
    } else if (e instanceof JsonParseException
        && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Duplicate field")) {
      // the key's name, never its value: "Duplicate field 'queryCode'"
      java.util.regex.Matcher key =
          java.util.regex.Pattern.compile("'([^']{1,64})'").matcher(e.getOriginalMessage());
      field = key.find() ? key.group(1) : "";
      rule = "UniqueKey";
      detail = "The key " + field + " appears twice in one object; which value counts?";
    }
    List<Problem.FieldError> errors =
        field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, rule, detail));
    return response(new Problem(Problem.typeFor(400), "Bad Request", 400, detail, errors));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    return response(
        Problem.of(
            status.getStatusCode(), status.getReasonPhrase(), safeDetail(status.getStatusCode())));
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    String unavailable = DatabaseUnavailable.why(e).orElse(null);
    if (unavailable != null) {
      // the transaction rolled back: nothing of the request was saved, and a retry (with the same
      // Idempotency-Key) is safe; no stack trace, this is the database's state, not a bug
      LOG.warnf("Database cannot take the request now (%s): answered 503", unavailable);
      return Response.fromResponse(
              response(
                  Problem.of(
                      503,
                      "Service Unavailable",
                      "The database cannot take this request now ("
                          + unavailable
                          + "); nothing was saved. Retry later with the same Idempotency-Key.")))
          .header("Retry-After", 10)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error, incident %s", incident);
    return response(
        Problem.of(
            500, "Internal Server Error", "An unexpected error occurred; incident " + incident));
  }

  static String safeDetail(int status) {
    return switch (status) {
      case 401 -> "A valid bearer token is required";
      case 403 -> "The caller's role or region does not allow this";
      case 404 -> "No such resource";
      case 405 -> "This method is not allowed here";
      case 406 -> "The requested media type is not available";
      case 413 -> "The request body is too large";
      case 415 -> "The body must be application/json";
      default -> "The request could not be processed";
    };
  }

  static Response response(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /**
   * The JSON path of the field a violation concerns, as the caller wrote it (petitioners[0].name).
   */
  public static String fieldOf(ConstraintViolation<?> violation) {
    List<Path.Node> nodes = new ArrayList<>();
    violation.getPropertyPath().forEach(nodes::add);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Path.Node node = nodes.get(i);
      boolean last = i == nodes.size() - 1;
      if (node.getKind() == ElementKind.METHOD
          || (node.getKind() == ElementKind.PARAMETER && !last)) {
        continue; // "register.request" says nothing to the caller; a query parameter's name does
      }
      String name = node.getName() == null ? "" : node.getName();
      if (node.getIndex() != null && !parts.isEmpty()) {
        int previous = parts.size() - 1;
        parts.set(previous, parts.get(previous) + "[" + node.getIndex() + "]");
      }
      if (!name.isEmpty()) {
        parts.add(name);
      }
    }
    return parts.isEmpty() ? "body" : String.join(".", parts);
  }

  /** The rule a violation broke: its constraint's name (NotNull, DivisionCode ...). */
  public static String ruleOf(ConstraintViolation<?> violation) {
    return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
  }

  /** The JSON path of a value Jackson could not read (steps[0].act). */
  public static String pathOf(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }
}
