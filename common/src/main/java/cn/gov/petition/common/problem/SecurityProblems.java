package cn.gov.petition.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json, like every other refusal: a missing, expired, forged or foreign
 * token (401, with {@code WWW-Authenticate: Bearer}), a role or region that does not allow the call
 * (403). A token that fails verification is refused before any resource runs (Quarkus' proactive
 * authentication), so that case is answered by a route failure handler; the rest by exception
 * mappers. The detail never says why a token failed: that helps only a forger.
 */
@ApplicationScoped
public class SecurityProblems {

  static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required";
  static final String FORBIDDEN_DETAIL = "The caller's role or region does not allow this";

  private final ObjectMapper json;

  public SecurityProblems(ObjectMapper json) {
    this.json = json;
  }

  void onRouter(@Observes Router router) {
    router
        .route()
        .failureHandler(
            context -> {
              Throwable failure = context.failure();
              int status = statusOf(failure);
              if (status == 0 || context.response().ended()) {
                context.next();
                return;
              }
              Problem problem =
                  Problem.of(
                      status,
                      status == 401 ? "Unauthorized" : "Forbidden",
                      status == 401 ? UNAUTHORIZED_DETAIL : FORBIDDEN_DETAIL);
              String body;
              try {
                body = json.writeValueAsString(problem);
              } catch (JsonProcessingException e) {
                context.next();
                return;
              }
              var response = context.response().setStatusCode(status);
              response.headers().set("Content-Type", Problem.MEDIA_TYPE);
              if (status == 401) {
                response.headers().set("WWW-Authenticate", "Bearer");
              }
              response.end(body);
            });
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof AuthenticationFailedException
        || failure instanceof AuthenticationCompletionException
        || failure instanceof UnauthorizedException) {
      return 401;
    }
    if (failure instanceof ForbiddenException) {
      return 403;
    }
    return 0;
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return unauthorized();
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    return unauthorized();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ProblemMappers.response(Problem.of(403, "Forbidden", FORBIDDEN_DETAIL));
  }

  private static Response unauthorized() {
    return Response.fromResponse(
            ProblemMappers.response(Problem.of(401, "Unauthorized", UNAUTHORIZED_DETAIL)))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }
}
