package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.gateway.DemoUser;
import cn.gov.petition.gateway.config.GatewayConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The local run's demo issuer (演示登录). Off unless {@code petition.gateway.demo-issuer=true}: in
 * production tokens come from the province's OIDC provider and this answers 404.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "演示登录 / Demo issuer",
    description = "本地运行的演示令牌 / Tokens for the demo users of the local run")
@PermitAll
public class DemoIssuerResource {

  private final GatewayConfig config;
  private final String issuer;

  public DemoIssuerResource(
      GatewayConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
    this.config = config;
    this.issuer = issuer;
  }

  public record TokenRequest(
      @Schema(
              description = "演示用户 / a demo user (GET /auth/demo-users)",
              example = "qilin-registrar")
          @NotBlank
          @Size(max = 64)
          String user) {}

  public record TokenResponse(
      String accessToken, String tokenType, long expiresIn, DemoUser user) {}

  @GET
  @Path("/demo-users")
  @Operation(summary = "演示用户 / The demo users of the local run")
  @APIResponse(
      responseCode = "200",
      description = "演示用户 / the demo users",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DemoUser.class)))
  @APIResponse(
      responseCode = "404",
      description = "非本地运行，无演示用户 / not a local run: no demo users",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<DemoUser> users() {
    requireEnabled();
    return DemoUser.ALL;
  }

  @POST
  @Path("/demo-token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "签发演示令牌 / A token for a demo user (local run only)")
  public TokenResponse token(@NotNull @Valid TokenRequest request) {
    requireEnabled();
    DemoUser user =
        DemoUser.find(request.user())
            .orElseThrow(
                () -> ProblemException.invalid("user", "demoUser", "no demo user of that name"));
    Duration lifetime = Duration.ofHours(8);
    String token =
        Jwt.issuer(issuer)
            .upn(user.user())
            .groups(user.roles())
            .claim("unit", user.unit())
            .claim("region", user.region())
            .expiresIn(lifetime)
            .sign();
    return new TokenResponse(token, "Bearer", lifetime.toSeconds(), user);
  }

  private void requireEnabled() {
    if (!config.demoIssuer()) {
      throw ProblemException.notFound("resource", "/auth");
    }
  }
}
