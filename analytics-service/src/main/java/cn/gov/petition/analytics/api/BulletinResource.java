package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.bulletins.Bulletin;
import cn.gov.petition.analytics.bulletins.BulletinDocuments;
import cn.gov.petition.analytics.bulletins.Bulletins;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 统计通报: a region's bulletin for a day, week, month, quarter or year (日报, 周报, 月报, 季报, 年报) as JSON,
 * as a printable page in Chinese, as an Excel workbook, or its regional table as CSV.
 */
@Path("/statistics/bulletin")
@Tag(name = "统计 / Statistics")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class BulletinResource {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Bulletins bulletins;
  private final Caller caller;

  public BulletinResource(Bulletins bulletins, Caller caller) {
    this.bulletins = bulletins;
    this.caller = caller;
  }

  private Bulletin bulletin(RegionAndPeriod asked) {
    RegionAndPeriod.Checked p = asked.check(caller);
    return bulletins.of(p.region(), p.from(), p.to(), p.name(), p.label(), p.kind());
  }

  private static String file(Bulletin b, String extension) {
    return "bulletin-" + b.regionCode() + "-" + b.period() + "." + extension;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "统计通报 / A region's bulletin for a period",
      description =
          "period=2026-11-24 gives the 日报, 2026-W48 the 周报, 2026-11 the 月报, 2026-Q4 the 季报,"
              + " 2026 the 年报. Accept: text/html for the printable page, the XLSX media type for"
              + " a workbook, text/csv for the regional table.")
  public Bulletin json(@BeanParam @Valid RegionAndPeriod asked) {
    return bulletin(asked);
  }

  @GET
  @Produces("text/html; charset=UTF-8")
  @Operation(summary = "统计通报（打印）/ The bulletin as a printable page in Chinese")
  public String html(@BeanParam @Valid RegionAndPeriod asked) {
    return BulletinDocuments.html(bulletin(asked));
  }

  @GET
  @Produces(XLSX)
  @Operation(summary = "统计通报（Excel）/ The bulletin as a workbook, one sheet per table")
  public Response xlsx(@BeanParam @Valid RegionAndPeriod asked) {
    Bulletin b = bulletin(asked);
    StreamingOutput workbook = out -> BulletinDocuments.xlsx(b, out);
    return Response.ok(workbook)
        .header("Content-Disposition", "attachment; filename=\"" + file(b, "xlsx") + "\"")
        .build();
  }

  @GET
  @Produces("text/csv; charset=UTF-8")
  @Operation(summary = "统计通报（CSV）/ The bulletin's regional table for Excel")
  public Response csv(@BeanParam @Valid RegionAndPeriod asked) {
    Bulletin b = bulletin(asked);
    return Response.ok(BulletinDocuments.csv(b))
        .header("Content-Disposition", "attachment; filename=\"" + file(b, "csv") + "\"")
        .build();
  }
}
