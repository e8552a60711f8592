package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.ListingStatus;
import cn.gov.petition.supervision.Listings;
import cn.gov.petition.supervision.store.ListingElsewhereEntity;
import cn.gov.petition.supervision.store.ListingEntity;
import cn.gov.petition.supervision.store.ListingReviewEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 挂牌督办: listing units and townships under supervision, and taking them off (摘牌). */
@Path("/listings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "挂牌督办 / Listed supervision",
    description = "挂牌督办单位及其整改与复核 / Units listed for supervision, their remedies and reviews")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class ListingResource {

  private final Listings listings;
  private final Caller caller;

  public ListingResource(Listings listings, Caller caller) {
    this.listings = listings;
    this.caller = caller;
  }

  /** 挂牌. */
  public record ListRequest(
      @Schema(description = "单位代码或乡镇（街道）代码 / a unit or a township", example = "530302001")
          @NotNull
          @Pattern(
              regexp = "\\d{9}|(\\d{2}|\\d{4}|\\d{6}|\\d{9}):[a-z]+",
              message = "must be a unit code or a township's 9-digit code")
          String target,
      @Schema(description = "挂牌原因 / why", example = "信访三率连续两月低于全市平均") @NotBlank @Size(max = 2000)
          String reason,
      @Schema(description = "整改期限 / rectify by", example = "2027-03-31") @NotNull
          LocalDate rectifyBy) {}

  /** 验收. */
  public record ReviewRequest(
      @Schema(description = "是否通过验收 / whether it passed", example = "true") @NotNull Boolean passed,
      @Schema(description = "验收意见 / findings", example = "三率已达标，积案全部化解") @NotBlank @Size(max = 4000)
          String findings) {}

  /** 整改报告. */
  public record ReportRequest(
      @Schema(
              description = "整改情况 / how the target rectified",
              example = "已召开专题会议，积案化解 12 件，三率回升至全市平均以上")
          @NotBlank
          @Size(max = 20000)
          String report) {}

  /** 验收记录. */
  public record ReviewView(
      LocalDate reviewedOn, String reviewedBy, boolean passed, String findings) {}

  /** 挂牌督办事项. */
  public record ListingView(
      String id,
      String target,
      String targetName,
      String listedBy,
      String reason,
      LocalDate listedOn,
      LocalDate rectifyBy,
      String status,
      LocalDate closedOn,
      List<ReviewView> reviews,
      @Schema(description = "整改报告 / the target's report on its rectification") String report,
      LocalDate reportedOn,
      @Schema(
              description =
                  "持有此挂牌的节点（挂牌一级的节点），本节点为空；原因、整改报告与验收在该节点查阅、办理 / the node"
                      + " holding the listing (its listing level's); null for this node. Its reason,"
                      + " report and reviews are read, and the report written, there: through this"
                      + " gateway, which relays the call",
              example = "53")
          String heldAt) {}

  private ListingView view(ListingEntity l) {
    return new ListingView(
        l.id.toString(),
        l.target,
        listings.targetName(l.target),
        l.listedBy,
        l.reason,
        l.listedOn,
        l.rectifyBy,
        l.status.name(),
        l.closedOn,
        l.reviews.stream()
            .sorted(Comparator.comparing((ListingReviewEntity r) -> r.id))
            .map(r -> new ReviewView(r.reviewedOn, r.reviewedBy, r.passed, r.findings))
            .toList(),
        l.report,
        l.reportedOn,
        null);
  }

  private ListingView view(ListingElsewhereEntity l) {
    return new ListingView(
        l.id.toString(),
        l.target,
        listings.targetName(l.target),
        null,
        null,
        l.listedOn,
        l.rectifyBy,
        l.status.name(),
        l.closedOn,
        List.of(),
        null,
        l.reportedOn,
        l.heldAt);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "挂牌督办 / List a unit or township below the caller under supervision")
  @APIResponse(responseCode = "201", description = "已挂牌 / listed")
  @APIResponse(
      responseCode = "409",
      description = "已在挂牌督办中 / already listed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response list(@NotNull @Valid ListRequest request) {
    return Response.status(201)
        .entity(
            view(listings.list(caller, request.target(), request.reason(), request.rectifyBy())))
        .build();
  }

  @GET
  @Operation(
      summary = "挂牌督办清单 / Listings in the caller's subtree, newest first",
      description =
          "A listing another node's level placed names that node (heldAt) and carries no reason,"
              + " report or reviews.")
  public List<ListingView> all(
      @QueryParam("status") @Pattern(regexp = "LISTED|CLOSED", message = "must be LISTED or CLOSED")
          String status) {
    ListingStatus wanted = status == null ? null : ListingStatus.valueOf(status);
    return Stream.concat(
            listings.visibleTo(caller, wanted).stream().map(this::view),
            listings.elsewhereVisibleTo(caller, wanted).stream().map(this::view))
        .sorted(
            Comparator.comparing(ListingView::listedOn).reversed().thenComparing(ListingView::id))
        .toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "挂牌督办事项 / One listing with its reviews")
  public ListingView one(@PathParam("id") @Uuid String id) {
    return view(listings.find(caller, UUID.fromString(id)));
  }

  @GET
  @Path("/{id}/holder")
  @Operation(
      summary = "挂牌督办事项所在节点 / Which node holds a listing",
      description =
          "挂牌一级的节点；网关据此把查阅与整改报告转到该节点。 The listing level's node: the gateway relays"
              + " a read or a report of the listing there.")
  @APIResponse(
      responseCode = "404",
      description = "无此挂牌督办事项或无权查看 / no such listing for the caller",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "所在节点 / the node",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HeldAt.class)))
  public HeldAt holder(@PathParam("id") @Uuid String id) {
    return HeldAt.of(id, listings.holderOf(caller, UUID.fromString(id)));
  }

  @POST
  @Path("/{id}/report")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(
      summary = "整改报告 / The listed target's office reports on its rectification",
      description =
          "By an office of the target's subtree below the listing level; written again as it goes on.")
  @APIResponse(
      responseCode = "403",
      description = "挂牌的一级不报送整改情况 / the listing level reviews, it does not report",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "已摘牌 / already closed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "已报送 / reported",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ListingView.class)))
  public ListingView report(
      @PathParam("id") @Uuid String id, @NotNull @Valid ReportRequest request) {
    return view(listings.report(caller, UUID.fromString(id), request.report()));
  }

  @POST
  @Path("/{id}/reviews")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "验收 / A close-out review; passed takes the target off the list (摘牌)")
  public ListingView review(
      @PathParam("id") @Uuid String id, @NotNull @Valid ReviewRequest request) {
    return view(listings.review(caller, UUID.fromString(id), request.passed(), request.findings()));
  }
}
