package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Dates;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.Receptions;
import cn.gov.petition.supervision.store.ReceptionDayEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 领导接访: reception days planned and recorded, and each leader's compliance. */
@Path("/receptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "领导接访 / Leaders' reception days",
    description = "领导接访日的安排与记录 / Leaders' reception days, planned and held")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class ReceptionResource {

  private final Receptions receptions;
  private final Caller caller;

  public ReceptionResource(Receptions receptions, Caller caller) {
    this.receptions = receptions;
    this.caller = caller;
  }

  /** 接访安排. */
  public record PlanRequest(
      @Schema(description = "接访领导 / the leader", example = "王某某") @NotBlank @Size(max = 50)
          String leader,
      @Schema(description = "职务 / post", example = "区长") @NotBlank @Size(max = 50) String post,
      @Schema(description = "领导所在区划 / the leader's region", example = "530702")
          @NotNull
          @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region,
      @Schema(description = "接访日期 / the day", example = "2026-12-07") @NotNull LocalDate plannedOn,
      @Schema(description = "接访地点 / where", example = "古城区人民来访接待中心") @NotBlank @Size(max = 200)
          String place) {}

  /** 接访记录. */
  public record RecordRequest(
      @Schema(description = "是否举行 / held", example = "true") @NotNull Boolean held,
      @Schema(description = "接待人次 / persons received", example = "12") @Min(0) @Max(10000)
          Integer persons,
      @Schema(description = "接待批次 / batches received", example = "5") @Min(0) @Max(10000)
          Integer batches,
      @Schema(description = "备注 / note", example = "现场化解2件") @Size(max = 2000) String note) {}

  /** 接访日. */
  public record ReceptionView(
      String id,
      String leader,
      String post,
      String region,
      LocalDate plannedOn,
      String place,
      String status,
      Integer persons,
      Integer batches,
      String note) {

    static ReceptionView of(ReceptionDayEntity d) {
      return new ReceptionView(
          d.id.toString(),
          d.leader,
          d.post,
          d.region,
          d.plannedOn,
          d.place,
          d.status.name(),
          d.persons,
          d.batches,
          d.note);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "安排接访 / Plan a leader's reception day in the caller's subtree")
  @APIResponse(responseCode = "201", description = "已安排 / planned")
  public Response plan(@NotNull @Valid PlanRequest r) {
    return Response.status(201)
        .entity(
            ReceptionView.of(
                receptions.plan(
                    caller, r.leader(), r.post(), r.region(), r.plannedOn(), r.place())))
        .build();
  }

  @POST
  @Path("/{id}/record")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "记录接访 / Record whether a planned day was held")
  public ReceptionView record(@PathParam("id") @Uuid String id, @NotNull @Valid RecordRequest r) {
    return ReceptionView.of(
        receptions.record(
            caller, UUID.fromString(id), r.held(), r.persons(), r.batches(), r.note()));
  }

  @GET
  @Operation(summary = "接访安排 / Reception days in the caller's subtree between two dates")
  public List<ReceptionView> list(
      @QueryParam("from") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String from,
      @QueryParam("to") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String to) {
    LocalDate start = Dates.parse("from", from);
    LocalDate end = Dates.parse("to", to);
    checkRange(start, end);
    return receptions.inSubtree(caller, start, end).stream().map(ReceptionView::of).toList();
  }

  @GET
  @Path("/compliance")
  @Operation(
      summary = "接访达标 / Each leader against the minimum frequency of the level",
      description =
          "省级每半年、市级每季度、县级每月、乡级每周至少一天；missing lists the periods without a"
              + " day held. Province per half year, city per quarter, county per month, township"
              + " per week. Every leader on the roster is listed, one who planned no day flagged"
              + " (plansNone).")
  public List<Receptions.Compliance> compliance(
      @QueryParam("from") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String from,
      @QueryParam("to") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String to) {
    LocalDate start = Dates.parse("from", from);
    LocalDate end = Dates.parse("to", to);
    checkRange(start, end);
    return receptions.compliance(caller, start, end);
  }

  private static void checkRange(LocalDate start, LocalDate end) {
    if (end.isBefore(start) || end.isAfter(start.plusYears(2))) {
      throw ProblemException.invalid(
          "to", "Range", "须不早于 from 且不超过两年 / on or after from, within two years");
    }
  }
}
