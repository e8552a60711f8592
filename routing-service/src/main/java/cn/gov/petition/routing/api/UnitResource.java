package cn.gov.petition.routing.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.validation.Regions;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 单位: the bodies of each region, generated from the department template (public reference). */
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "单位 / Units",
    description = "各级行政区划的单位及其部门 / The bodies of every region and their departments")
@Authenticated
public class UnitResource {

  private final Units units;

  public UnitResource(Units units) {
    this.units = units;
  }

  @GET
  @Operation(summary = "某地区的单位 / The units of a region")
  public List<Units.Unit> ofRegion(
      @Parameter(description = "行政区划代码 / division code", example = "530302")
          @QueryParam("region")
          @NotNull
          @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region) {
    return units.of(region);
  }

  @GET
  @Path("/{code}")
  @Operation(summary = "查询单位 / One unit")
  @APIResponse(
      responseCode = "404",
      description = "无此单位 / no such unit",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "单位 / the unit",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Units.Unit.class)))
  public Units.Unit unit(
      @Parameter(description = "单位代码 / unit code", example = "530302:zjj")
          @PathParam("code")
          @Pattern(
              regexp = "\\d{2}(\\d{2}(\\d{2}(\\d{3})?)?)?:[a-z]{2,16}",
              message = "must be <division code>:<department>")
          String code) {
    return units.find(code).orElseThrow(() -> ProblemException.notFound("unit", code));
  }
}
