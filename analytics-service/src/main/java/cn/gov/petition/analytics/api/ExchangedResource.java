package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.ExchangedSnapshots;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 下级节点统计: a region's figures as the node below that serves it computed and published them, for when
 * this node does not hold the raw events (docs/statistics.md).
 */
@Path("/statistics/exchanged")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "统计 / Statistics",
    description = "信访量、考核指标、排名与通报 / Volumes, rates, rankings and bulletins")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class ExchangedResource {

  private final ExchangedSnapshots snapshots;
  private final Caller caller;

  public ExchangedResource(ExchangedSnapshots snapshots, Caller caller) {
    this.snapshots = snapshots;
    this.caller = caller;
  }

  @GET
  @Transactional
  @Operation(
      summary = "下级节点统计 / A region's figures from the snapshots of the node below serving it",
      description =
          "The deepest node below that reports the region (its own region or a child of it);"
              + " 404 when none does. Sums of the node's daily figures over the period, with the"
              + " formula versions it applied and the days it reported.")
  public ExchangedSnapshots.Figures figures(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    return snapshots
        .of(period.region(), period.from(), period.to())
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "statistics snapshot of region",
                    period.region() + " (no node below reports it)"));
  }
}
