package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.Receptions;
import cn.gov.petition.supervision.store.ReceptionLeaderEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 接访领导名单: the leaders of the caller's subtree who are to hold reception days, each checked by
 * /receptions/compliance whether or not a day is planned (issue 31, item 10).
 */
@Path("/reception-leaders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "领导接访 / Leaders' reception days")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class ReceptionLeaderResource {

  private final Receptions receptions;
  private final Caller caller;

  public ReceptionLeaderResource(Receptions receptions, Caller caller) {
    this.receptions = receptions;
    this.caller = caller;
  }

  /** 接访领导名单: a leader listed to hold reception days. */
  public record LeaderRequest(
      @Schema(description = "领导 / the leader", example = "王某某") @NotBlank @Size(max = 50)
          String leader,
      @Schema(description = "职务 / post", example = "区长") @NotBlank @Size(max = 50) String post,
      @Schema(description = "领导所在区划 / the leader's region", example = "530702")
          @NotNull
          @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region) {}

  /** A leader on the roster. */
  public record LeaderView(String id, String leader, String post, String region) {

    static LeaderView of(ReceptionLeaderEntity l) {
      return new LeaderView(l.id.toString(), l.leader, l.post, l.region);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(
      summary = "列入接访领导名单 / List a leader who is to hold reception days",
      description =
          "名单内的领导即使未安排接访日也列入达标检查，并标明未安排。 A leader on the roster is checked even"
              + " with no day planned, and flagged so.")
  @APIResponse(responseCode = "201", description = "已列入 / listed")
  @APIResponse(
      responseCode = "409",
      description = "已在名单中 / already on the roster",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response enrol(@NotNull @Valid LeaderRequest r) {
    return Response.status(201)
        .entity(LeaderView.of(receptions.enrol(caller, r.leader(), r.post(), r.region())))
        .build();
  }

  @GET
  @Operation(summary = "接访领导名单 / The roster of the caller's subtree")
  public List<LeaderView> roster() {
    return receptions.roster(caller).stream().map(LeaderView::of).toList();
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "移出接访领导名单 / Take a leader off the roster (the days planned stay)")
  @APIResponse(responseCode = "204", description = "已移出 / taken off")
  @APIResponse(
      responseCode = "404",
      description = "辖区名单内无此领导 / no such leader on the roster of the caller's subtree",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public void remove(@PathParam("id") @Uuid String id) {
    receptions.remove(caller, UUID.fromString(id));
  }
}
