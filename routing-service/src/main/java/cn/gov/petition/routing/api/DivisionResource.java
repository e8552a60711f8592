package cn.gov.petition.routing.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.validation.Regions;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/divisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "行政区划 / Divisions",
    description = "省、市、县、乡四级行政区划 / The province, city, county and township divisions")
@Authenticated
public class DivisionResource {

  private final DivisionTable divisions;

  public DivisionResource(DivisionTable divisions) {
    this.divisions = divisions;
  }

  /** A division with the path above it and the divisions directly below it. */
  public record DivisionView(Division division, List<Division> path, List<Division> children) {}

  @GET
  @Path("/{code}")
  @Operation(summary = "查询行政区划 / A division, its ancestors and its children")
  public DivisionView division(
      @PathParam("code") @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String code) {
    Division division =
        divisions.find(code).orElseThrow(() -> ProblemException.notFound("division", code));
    return new DivisionView(division, divisions.path(code), divisions.children(code));
  }
}
