package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.store.VolumeRepository;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Dates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "统计 / Statistics")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class VolumeResource {

  private final VolumeRepository volumes;
  private final Caller caller;

  public VolumeResource(VolumeRepository volumes, Caller caller) {
    this.volumes = volumes;
    this.caller = caller;
  }

  /** 信访总量: cases (件次) and persons (人次) received in a region's subtree over a period. */
  public record Volume(String regionCode, LocalDate from, LocalDate to, long cases, long persons) {}

  @GET
  @Path("/volume")
  @Transactional
  @Operation(summary = "信访量 / Cases and persons received in a region subtree over a period")
  public Volume volume(
      @QueryParam("region")
          @NotNull
          @Pattern(
              regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}",
              message = "must be a 2, 4, 6 or 9-digit division code")
          String region,
      @QueryParam("from") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String from,
      @QueryParam("to") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String to) {
    if (!caller.covers(region)) {
      throw new ProblemException(
          403,
          "Forbidden",
          "Region " + region + " lies outside the caller's authority",
          java.util.List.of());
    }
    LocalDate start = Dates.parse("from", from);
    LocalDate end = Dates.parse("to", to);
    if (end.isBefore(start)) {
      throw ProblemException.invalid("to", "notBeforeFrom", "to must not be before from");
    }
    long[] totals = volumes.total(region, start, end);
    return new Volume(region, start, end, totals[0], totals[1]);
  }
}
