package cn.gov.petition.routing.api;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 节点: the nodes of the platform this node knows of, and which of them hosts a region. */
@Path("/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "节点 / Nodes",
    description = "平台各级节点及其承载的区划 / The platform's nodes and the regions each hosts")
@Authenticated
public class NodeResource {

  private final NodeRegistry registry;
  private final DivisionTable divisions;

  public NodeResource(NodeRegistry registry, DivisionTable divisions) {
    this.registry = registry;
    this.divisions = divisions;
  }

  /** The nodes known here, and which one is this node. */
  public record NodesView(String self, List<Node> nodes) {}

  /** A node: the region it serves and that region's name. */
  public record Node(String regionCode, String regionName) {

    static Node of(NodeRegistry.Node node) {
      return new Node(node.regionCode(), node.regionName());
    }
  }

  @GET
  @Operation(summary = "已知节点 / The nodes this node knows of")
  public NodesView nodes() {
    return new NodesView(registry.self(), registry.all().stream().map(Node::of).toList());
  }

  @GET
  @Path("/host/{region}")
  @Operation(summary = "承载某地区的节点 / The node that hosts a region's units")
  @APIResponse(
      responseCode = "404",
      description = "无此区划，或尚无节点承载 / no such division, or no node hosts it yet",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "承载该地区的节点 / the node",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Node.class)))
  public Node host(
      @Parameter(description = "行政区划代码 / division code", example = "530302001")
          @PathParam("region")
          @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region) {
    if (!divisions.exists(region)) {
      throw ProblemException.notFound("region", region);
    }
    return registry
        .hostOf(region)
        .map(Node::of)
        .orElseThrow(() -> ProblemException.notFound("a node hosting region", region));
  }
}
