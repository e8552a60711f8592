package cn.gov.petition.supervision.api;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.store.CaseEntity;
import cn.gov.petition.supervision.store.CaseRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 案卷所在节点: which node holds a case of the caller's subtree, so that the gateway of a level above
 * reads the case file there (docs/nodes.md). Names no person; a case outside the caller's subtree,
 * or an accusation the caller may not hear of, is not found.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "时限监督 / Statutory clocks")
@RolesAllowed({Roles.REGISTRAR, Roles.HANDLER, Roles.SUPERVISOR, Roles.LEADER, Roles.JOINT_OFFICE})
public class CaseHolderResource {

  private final CaseRepository cases;
  private final NodeRegistry nodes;
  private final Caller caller;

  public CaseHolderResource(CaseRepository cases, NodeRegistry nodes, Caller caller) {
    this.cases = cases;
    this.nodes = nodes;
    this.caller = caller;
  }

  /** 案卷所在节点. */
  public record Holder(
      String caseId,
      String caseNumber,
      String unitCode,
      @Schema(description = "持有案卷的节点（区划代码） / the node holding the case file", example = "530302")
          String node,
      @Schema(
              description =
                  "该节点统一端口地址，本节点为空 / that node's gateway for other nodes; null for this node"
                      + " or a node that serves no reads to others")
          String address) {}

  @GET
  @Path("/{id}/holder")
  @Transactional
  @Operation(
      summary = "案卷所在节点 / Which node holds a case file",
      description =
          "由办理单位所在区划按节点登记确定（最深的包含它的节点）。 The node hosting the case's unit,"
              + " by the node registry: the deepest node whose region contains it.")
  @APIResponse(
      responseCode = "404",
      description = "辖区内无此案件 / no such case in the caller's subtree",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "所在节点 / the node",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Holder.class)))
  public Holder holder(@PathParam("id") @Uuid String id) {
    CaseEntity found = cases.findById(UUID.fromString(id));
    if (found == null
        || !caller.covers(found.unitRegionCode)
        || !caller.mayHearOf(found.accusation, found.unitCode)) {
      throw ProblemException.notFound("case", id);
    }
    NodeRegistry.Node host = nodes.hostOf(found.unitRegionCode).orElse(nodes.selfNode());
    boolean here = host.regionCode().equals(nodes.self());
    return new Holder(
        found.caseId.toString(),
        found.caseNumber,
        found.unitCode,
        host.regionCode(),
        here ? null : host.address());
  }
}
