package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.Bulletin;
import cn.gov.petition.analytics.Bulletins;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 统计通报: a region's bulletin for a day, week, month, quarter or year (日报, 周报, 月报, 季报, 年报) as JSON,
 * as a printable page in Chinese, as an Excel workbook, or its regional table as CSV.
 */
@Path("/statistics/bulletin")
@Tag(
    name = "统计 / Statistics",
    description = "信访量、考核指标、排名与通报 / Volumes, rates, rankings and bulletins")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class BulletinResource {

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
  @Produces({
    MediaType.APPLICATION_JSON,
    "text/html;charset=UTF-8",
    Formats.XLSX_TYPE,
    "text/csv;charset=UTF-8"
  })
  @Operation(
      summary = "统计通报 / A region's bulletin for a period",
      description =
          "period=2026-11-24 gives the 日报, 2026-W48 the 周报, 2026-11 the 月报, 2026-Q4 the 季报,"
              + " 2026 the 年报. By Accept: JSON (the default), text/html for the printable page in"
              + " Chinese, the XLSX media type for a workbook (one sheet per table), text/csv for"
              + " the regional table (UTF-8 with a BOM, for Excel).")
  @APIResponse(
      responseCode = "200",
      description = "统计通报 / the bulletin",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Bulletin.class)),
        @Content(mediaType = "text/html"),
        @Content(mediaType = Formats.XLSX_TYPE),
        @Content(mediaType = "text/csv")
      })
  public Response bulletin(@BeanParam @Valid RegionAndPeriod asked, @Context HttpHeaders headers) {
    MediaType format =
        Formats.chosen(
            headers, MediaType.APPLICATION_JSON_TYPE, Formats.HTML, Formats.XLSX, Formats.CSV);
    Bulletin b = bulletin(asked);
    if (format == Formats.HTML) {
      return Response.ok(BulletinDocuments.html(b), format).build();
    }
    if (format == Formats.XLSX) {
      StreamingOutput workbook = out -> BulletinDocuments.xlsx(b, out);
      return attachment(Response.ok(workbook, format), file(b, "xlsx"));
    }
    if (format == Formats.CSV) {
      return attachment(Response.ok(BulletinDocuments.csv(b), format), file(b, "csv"));
    }
    return Response.ok(b, format).build();
  }

  private static Response attachment(Response.ResponseBuilder response, String file) {
    return response.header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
  }
}
