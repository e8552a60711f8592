package cn.gov.petition.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json, like every other refusal: a missing, expired, forged or foreign
 * token (401, with {@code WWW-Authenticate: Bearer}), a role or region that does not allow the call
 * (403). A token that fails verification is refused before any resource runs (Quarkus' proactive
 * authentication), so that case is answered by a route failure handler; the rest by exception
 * mappers. The detail never says why a token failed: that helps only a forger. A body over {@code
 * petition.http.max-body-size} (1 MB) is refused before it is read (413), also as problem+json; a
 * body sent without a declared length (chunked) as soon as it goes over the limit. The paths of
 * {@code petition.http.upload-paths} (a service's uploads: attachments) may send up to {@code
 * quarkus.http.limits.max-body-size}, the server's own cap.
 */
@ApplicationScoped
public class SecurityProblems {

  private final ObjectMapper json;
  private final long maxBody;
  private final long maxUpload;
  private final Optional<Pattern> uploadPaths;
  private final BodyHandler chunkedBodies;
  private final BodyHandler chunkedUploads;

  public SecurityProblems(
      ObjectMapper json,
      @ConfigProperty(name = "petition.http.max-body-size", defaultValue = "1M") MemorySize maxBody,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize maxUpload,
      @ConfigProperty(name = "petition.http.upload-paths") Optional<String> uploadPaths) {
    this.json = json;
    this.maxUpload = maxUpload.asLongValue();
    this.maxBody = Math.min(maxBody.asLongValue(), this.maxUpload);
    this.uploadPaths = uploadPaths.map(Pattern::compile);
    this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.maxBody);
    this.chunkedUploads = BodyHandler.create(false).setBodyLimit(this.maxUpload);
  }

  /** Whether the request is an upload, which may send up to the server's cap. */
  private boolean upload(RoutingContext context) {
    return uploadPaths.isPresent() && uploadPaths.get().matcher(context.request().path()).matches();
  }

  void onRouter(@Observes Router router) {
    // ahead of Quarkus' own limit, which answers 413 with no body: a declared length over the
    // limit is refused before a byte of the body is read (a client that asked 100-continue sends
    // none)
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
        .handler(
            context -> {
              String length = context.request().getHeader("Content-Length");
              boolean upload = upload(context);
              if (length != null
                  && length.matches("\\d{1,18}")
                  && Long.parseLong(length) > (upload ? maxUpload : maxBody)) {
                context.response().headers().set("Connection", "close");
                end(context, 413);
              } else if (length == null
                  && context.request().headers().contains("Transfer-Encoding")) {
                // no declared length (chunked): read up to the limit here, where going over it is a
                // route failure answered below; the REST layer then reads the body kept here
                // instead of finding the limit itself and answering a bare 413 (and logging an
                // error)
                (upload ? chunkedUploads : chunkedBodies).handle(context);
              } else {
                context.next();
              }
            });
    router
        .route()
        .failureHandler(
            context -> {
              int status =
                  context.failure() == null && context.statusCode() == 413
                      ? 413
                      : statusOf(context.failure());
              if (status == 0 || context.response().ended()) {
                context.next();
              } else {
                end(context, status);
              }
            });
  }

  private void end(RoutingContext context, int status) {
    Problem problem =
        Problem.of(
            status,
            switch (status) {
              case 401 -> "Unauthorized";
              case 403 -> "Forbidden";
              default -> "Content Too Large";
            },
            ProblemMappers.safeDetail(status));
    String body;
    try {
      body = json.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      context.fail(status);
      return;
    }
    var response = context.response().setStatusCode(status);
    response.headers().set("Content-Type", Problem.MEDIA_TYPE);
    if (status == 401) {
      response.headers().set("WWW-Authenticate", "Bearer");
    }
    response.end(body);
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
    return ProblemMappers.response(Problem.of(403, "Forbidden", ProblemMappers.safeDetail(403)));
  }

  private static Response unauthorized() {
    return Response.fromResponse(
            ProblemMappers.response(
                Problem.of(401, "Unauthorized", ProblemMappers.safeDetail(401))))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }
}
