package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.contracts.CalendarPublished.OfficialDay;
import cn.gov.petition.intake.CalendarNotices;
import cn.gov.petition.intake.Calendars;
import cn.gov.petition.intake.Recount;
import cn.gov.petition.intake.StatutoryCalendar;
import cn.gov.petition.intake.store.CalendarRepository;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 法定节假日安排: the official calendar every deadline is counted with, its versions, and the loading of a
 * year's State Council notice by an administrator of the province's node (preview, then apply). The
 * gateway's audit trail records who loaded what; the version row records it too.
 */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "节假日安排 / Official calendar",
    description = "国务院节假日安排及其版本 / The official holiday calendar and its versions")
@Authenticated
public class CalendarResource {

  private static final String CSV = "text/csv";

  private final Calendars calendars;
  private final CalendarRepository store;
  private final CalendarNotices notices;
  private final Caller caller;

  public CalendarResource(
      Calendars calendars, CalendarRepository store, CalendarNotices notices, Caller caller) {
    this.calendars = calendars;
    this.store = store;
    this.notices = notices;
    this.caller = caller;
  }

  @Schema(description = "日历版本 / A calendar version and the notice it holds")
  public record VersionView(
      @Schema(example = "2") int version,
      @Schema(description = "通知所属年度；版本 1 为随平台发布的各年 / the notice's year; null for version 1")
          Integer year,
      @Schema(example = "国办发明电〔2026〕9号") String noticeNumber,
      String title,
      @Schema(description = "与上一版本相比第一个变化的日子 / the first day it changed") LocalDate firstChangedDay,
      @Schema(example = "yunnan-admin") String loadedBy,
      Instant loadedAt,
      @Schema(description = "载入节点 / the node it was loaded at", example = "53") String node) {}

  @Schema(description = "现行日历 / The calendar deadlines are counted with")
  public record CalendarView(
      @Schema(description = "现行版本 / the version in force", example = "2") int version,
      @Schema(
              description =
                  "覆盖至 / the last day whose official days are known; a due date after it is 待定")
          LocalDate coversUntil,
      @Schema(
              description =
                  "下一年度通知未载入 / next year's notice is due (from 1 November) and not loaded")
          boolean nextYearMissing,
      @Schema(description = "提示 / the warning shown on the dashboard, in Chinese; null when none")
          String warning,
      List<VersionView> versions) {}

  @GET
  @Transactional
  @Operation(
      summary = "现行日历及其版本 / The calendar in force and its versions",
      description =
          "现行版本、覆盖范围、下一年度通知是否缺失，以及每个版本（文号、载入人、时间）。"
              + " The version in force, the last day it covers, whether next year's notice is"
              + " missing, and every version with its notice and who loaded it.")
  public CalendarView calendar() {
    StatutoryCalendar current = calendars.current();
    boolean missing = calendars.nextYearMissing();
    return new CalendarView(
        current.version(),
        current.coversUntil(),
        missing,
        missing ? warning(current) : null,
        store.versions().stream().map(CalendarResource::view).toList());
  }

  /** The banner the dashboard shows while next year's notice is missing. */
  static String warning(StatutoryCalendar current) {
    int next = current.coversUntil().getYear() + 1;
    return "尚未载入"
        + next
        + "年节假日安排通知：截止日期晚于"
        + current.coversUntil()
        + "的期限为待定，载入通知后自动重算。 Next year's holiday notice is not loaded: due dates after "
        + current.coversUntil()
        + " are provisional until it is.";
  }

  @GET
  @Path("/days")
  @Transactional
  @Operation(
      summary = "某年的法定节假日和调休上班日 / One year's official days in the version in force",
      description = "年度未覆盖时返回 404。 404 when the version in force does not cover the year.")
  public List<OfficialDay> days(
      @QueryParam("year") @NotNull(message = "is required") @Min(2004) @Max(9999) Integer year) {
    StatutoryCalendar current = calendars.current();
    if (!current.covers(year)) {
      throw ProblemException.notFound("the notice of year", String.valueOf(year));
    }
    return current.daysOf(year);
  }

  @Schema(description = "一日 / One day of a notice")
  public record DayInput(
      @Schema(example = "2027-02-06") LocalDate date,
      @Schema(description = "holiday (放假) or workday (调休上班, a weekend day)", example = "holiday")
          String kind,
      @Schema(example = "春节") String name) {}

  @Schema(description = "节假日安排通知 / A year's State Council holiday notice")
  public record NoticeInput(
      @Schema(example = "2027") @NotNull Integer year,
      @Schema(description = "文号", example = "国办发明电〔2026〕9号") @NotBlank @Size(max = 100)
          String noticeNumber,
      @Schema(example = "国务院办公厅关于2027年部分节假日安排的通知") @NotBlank @Size(max = 200) String title,
      @Schema(description = "放假日和调休上班日 / the holidays and the weekend days worked")
          @NotNull
          @Size(max = 200)
          List<DayInput> days) {}

  @Schema(description = "一个环节的期限变化 / How a notice moves one step's due date")
  public record ChangeView(
      UUID caseId,
      String caseNumber,
      String step,
      String unitCode,
      LocalDate startedOn,
      LocalDate dueOn,
      boolean provisional,
      LocalDate newDueOn,
      boolean newProvisional,
      @Schema(description = "环节仍在办理 / the step is still running") boolean open,
      @Schema(description = "已办结环节的按期与否改变 / a done step's verdict changes")
          boolean verdictChanged) {}

  @Schema(description = "载入通知的结果（或预览）/ What loading the notice does (or would do)")
  public record OutcomeView(
      @Schema(description = "预览为 false / false for a preview") boolean applied,
      int version,
      int year,
      String noticeNumber,
      LocalDate firstChangedDay,
      List<OfficialDay> days,
      List<ChangeView> changes) {}

  @POST
  @Path("/notices/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Transactional
  @Operation(
      summary = "预览节假日安排通知 / Preview a notice",
      description =
          "列出载入后期限会改变的每个环节（含已办结而按期与否改变的），不做任何改动。 Lists every step whose due"
              + " date the notice would move (and every done step whose verdict it would change);"
              + " changes nothing.")
  @APIResponse(
      responseCode = "422",
      description = "通知有误 / a row breaks a rule; each error names the row (days[i])",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public OutcomeView preview(@NotNull @Valid NoticeInput notice) {
    return view(false, notices.preview(domain(notice)));
  }

  @POST
  @Path("/notices/preview")
  @Consumes(CSV)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Transactional
  @Operation(
      summary = "预览节假日安排通知（CSV）/ Preview a notice given as CSV",
      description =
          "CSV 列：date,kind,name_zh（与 calendar/cn-official-days.csv 相同）；年度、文号、标题为查询参数。"
              + " Columns date,kind,name_zh as in the vendored file; year, noticeNumber and title as"
              + " query parameters.")
  public OutcomeView previewCsv(
      @QueryParam("year") Integer year,
      @QueryParam("noticeNumber") String noticeNumber,
      @QueryParam("title") String title,
      String csv) {
    return view(false, notices.preview(fromCsv(year, noticeNumber, title, csv)));
  }

  @POST
  @Path("/notices")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Transactional
  @Operation(
      summary = "载入节假日安排通知 / Load a notice as a new calendar version",
      description =
          "仅省级节点可载入；新版本经日历主题发往各节点，受影响环节的期限即时重算并发布。 Only the province's node"
              + " loads notices; the new version reaches every node on the calendar topic, and every"
              + " step it moves is recounted and published at once.")
  @APIResponse(responseCode = "201", description = "已载入 / loaded")
  @APIResponse(
      responseCode = "409",
      description =
          "非省级节点，或该年度已是这些日子 / not the province's node, or the year has these days already",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "通知有误 / a row breaks a rule; each error names the row (days[i])",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response apply(@NotNull @Valid NoticeInput notice) {
    return applied(notices.apply(domain(notice), caller.user()));
  }

  @POST
  @Path("/notices")
  @Consumes(CSV)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Transactional
  @Operation(summary = "载入节假日安排通知（CSV）/ Load a notice given as CSV")
  public Response applyCsv(
      @QueryParam("year") Integer year,
      @QueryParam("noticeNumber") String noticeNumber,
      @QueryParam("title") String title,
      String csv) {
    return applied(notices.apply(fromCsv(year, noticeNumber, title, csv), caller.user()));
  }

  private static Response applied(CalendarNotices.Outcome outcome) {
    return Response.status(201).entity(view(true, outcome)).build();
  }

  private static CalendarNotices.Notice domain(NoticeInput input) {
    return new CalendarNotices.Notice(
        input.year(),
        input.noticeNumber().strip(),
        input.title().strip(),
        input.days().stream()
            .map(d -> d == null ? null : new CalendarNotices.Row(d.date(), d.kind(), d.name()))
            .toList());
  }

  /** A notice given as the vendored file's columns; a line that does not parse is named. */
  static CalendarNotices.Notice fromCsv(
      Integer year, String noticeNumber, String title, String csv) {
    List<FieldError> errors = new ArrayList<>();
    if (year == null) {
      errors.add(new FieldError("year", "NotNull", "is required (query parameter)"));
    }
    if (noticeNumber == null || noticeNumber.isBlank() || noticeNumber.length() > 100) {
      errors.add(
          new FieldError(
              "noticeNumber", "NotBlank", "the 文号, 1 to 100 characters (query parameter)"));
    }
    if (title == null || title.isBlank() || title.length() > 200) {
      errors.add(new FieldError("title", "NotBlank", "1 to 200 characters (query parameter)"));
    }
    List<CalendarNotices.Row> rows = new ArrayList<>();
    String[] lines = csv == null ? new String[0] : csv.strip().split("\r?\n");
    if (lines.length == 0 || !lines[0].strip().startsWith("date,kind,name")) {
      errors.add(
          new FieldError(
              "body",
              "Header",
              "the first line is the header date,kind,name_zh (as the vendored file)"));
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      String at = "days[" + rows.size() + "]";
      LocalDate date = null;
      try {
        date = LocalDate.parse(fields[0].strip());
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(at + ".date", "Date", "line " + (i + 1) + ": not a date (yyyy-MM-dd)"));
      }
      rows.add(
          new CalendarNotices.Row(
              date,
              fields.length > 1 ? fields[1].strip() : null,
              fields.length > 2 ? fields[2].strip() : null));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new CalendarNotices.Notice(year, noticeNumber.strip(), title.strip(), rows);
  }

  private static OutcomeView view(boolean applied, CalendarNotices.Outcome o) {
    return new OutcomeView(
        applied,
        o.version(),
        o.year(),
        o.noticeNumber(),
        o.firstChangedDay(),
        o.days(),
        o.changes().stream().map(CalendarResource::view).toList());
  }

  private static ChangeView view(Recount.Change c) {
    return new ChangeView(
        c.caseId(),
        c.caseNumber(),
        c.step().name(),
        c.unitCode(),
        c.startedOn(),
        c.dueOn(),
        c.provisional(),
        c.newDueOn(),
        c.newProvisional(),
        c.open(),
        c.verdictChanged());
  }

  private static VersionView view(CalendarRepository.Version v) {
    return new VersionView(
        v.version(),
        v.year(),
        v.noticeNumber(),
        v.title(),
        v.firstChangedDay(),
        v.loadedBy(),
        v.loadedAt(),
        v.node());
  }
}
