package cn.gov.petition.intake.api;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Dates;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.intake.CaseStatus;
import cn.gov.petition.intake.Channel;
import cn.gov.petition.intake.ContentWords;
import cn.gov.petition.intake.store.CaseSearchRepository.Criteria;
import cn.gov.petition.intake.store.CaseSearchRepository.Order;
import cn.gov.petition.intake.store.CaseSearchRepository.Viewer;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * 案件查询条件: what a clerk or supervisor asks of the case list, as query parameters. Every criterion is
 * optional; those given must all hold. Numbers are taken as text and checked here, so that a
 * malformed one is a 400 naming it (not the 404 JAX-RS gives for a failed conversion).
 */
public class CaseQuery {

  /** The largest page. */
  static final int MAX_SIZE = 100;

  private static final java.util.regex.Pattern CASE_NUMBER =
      java.util.regex.Pattern.compile("\\d{2,9}-\\d{8}-\\d{5}");

  private static final String NUMBER = "\\d{1,6}";
  private static final String NUMBER_MESSAGE = "must be a whole number";
  private static final String FLAG = "true|false";
  private static final String FLAG_MESSAGE = "must be true or false";

  private static final Map<String, Order> SORTS =
      Map.of(
          "-receivedOn", Order.RECEIVED_NEWEST,
          "receivedOn", Order.RECEIVED_OLDEST,
          "dueOn", Order.DUE_SOONEST,
          "-dueOn", Order.DUE_LATEST,
          "caseNumber", Order.NUMBER,
          "-caseNumber", Order.NUMBER_DESC,
          "relevance", Order.RELEVANCE);

  @QueryParam("q")
  @Size(max = 100, message = "at most 100 characters")
  @Parameter(
      description =
          "内容关键词，空格分隔，每词至少两字，均须出现 / words of the content, separated by spaces, each of at least"
              + " two characters, all of them found (a word is found whole: 供暖不达标 is a phrase)",
      example = "供暖")
  public String q;

  @QueryParam("caseNumber")
  @Size(max = 100, message = "at most 100 case numbers at once")
  @Parameter(
      description =
          "信访件编号，可多个 / case numbers such as 530302-20261203-00001 (repeat the parameter for"
              + " several)")
  public List<String> caseNumber;

  @QueryParam("queryCode")
  @Pattern(regexp = "[A-Za-z0-9]{6,16}", message = "must be a query code (查询码)")
  @Parameter(description = "查询码 / the petitioner's query code")
  public String queryCode;

  @QueryParam("oldCaseNumber")
  @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
  @Parameter(description = "原系统案件编号 / the former system's number (docs/migration.md)")
  public String oldCaseNumber;

  @QueryParam("category")
  @Pattern(regexp = "\\d{2}|\\d{4}", message = "must be a category code of 2 or 4 digits")
  @Parameter(
      description = "内容分类（一级含其下二级）/ category; a first-level code takes its second level",
      example = "03")
  public String category;

  @QueryParam("region")
  @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
  @Parameter(
      description = "问题属地（含下级）/ the matter's region and everything under it",
      example = "5303")
  public String region;

  @QueryParam("unit")
  @Pattern(regexp = "\\d{2,9}:[a-z0-9-]{1,32}", message = "must be a unit code such as 530302:zjj")
  @Parameter(description = "当前责任单位 / the unit that must act now", example = "530302:zjj")
  public String unit;

  @QueryParam("status")
  @Size(max = 20, message = "at most 20 statuses")
  @Parameter(description = "状态，可多个 / statuses such as ACCEPTED (repeat for several)")
  public List<String> status;

  @QueryParam("channel")
  @Parameter(description = "信访形式 / channel", example = "LETTER")
  public String channel;

  @QueryParam("collective")
  @Pattern(regexp = FLAG, message = FLAG_MESSAGE)
  @Parameter(description = "集体访 / collective")
  public String collective;

  @QueryParam("repeat")
  @Pattern(regexp = FLAG, message = FLAG_MESSAGE)
  @Parameter(description = "重复信访 / a repeat")
  public String repeat;

  @QueryParam("escalated")
  @Pattern(regexp = FLAG, message = FLAG_MESSAGE)
  @Parameter(description = "越级 / skipped levels")
  public String escalated;

  @QueryParam("accusation")
  @Pattern(regexp = FLAG, message = FLAG_MESSAGE)
  @Parameter(description = "检举控告 / an accusation")
  public String accusation;

  @QueryParam("receivedFrom")
  @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
  @Parameter(description = "收到日期起 / received on or after", example = "2026-11-01")
  public String receivedFrom;

  @QueryParam("receivedTo")
  @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
  @Parameter(description = "收到日期止 / received on or before", example = "2026-11-30")
  public String receivedTo;

  @QueryParam("overdue")
  @Pattern(regexp = "true", message = "must be true, or left out")
  @Parameter(description = "已超期 / a step is past its due date")
  public String overdue;

  @QueryParam("dueWithin")
  @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE)
  @Parameter(description = "N 日内到期（含已超期）/ a step due within N days, or overdue", example = "3")
  public String dueWithin;

  @QueryParam("sort")
  @Parameter(
      description =
          "排序 / -receivedOn (default), receivedOn, dueOn, -dueOn, caseNumber, -caseNumber;"
              + " relevance (the default with q)")
  public String sort;

  @QueryParam("format")
  @Pattern(regexp = "json|csv", message = "must be json or csv")
  @Parameter(
      description =
          "json（默认）或 csv（导出，至多 10000 件）/ json (default) or csv (an export, up to 10,000 cases)")
  public String format;

  @QueryParam("excludeHandedTo")
  @Pattern(
      regexp = "\\d{2,9}(,\\d{2,9}){0,49}",
      message = "must be node region codes separated by commas")
  @Parameter(
      description =
          "跨节点汇总时由平台填写：不列出本节点已移交给这些节点的案件（由其自行列出），且只查本节点 / set by the"
              + " platform when it gathers a subtree's list from its nodes: leaves out cases this"
              + " node handed to one of these nodes (they list them), and asks no other node",
      example = "530302,530302001")
  public String excludeHandedTo;

  @QueryParam("page")
  @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE)
  @Parameter(description = "页码，从 0 起 / page, from 0")
  public String page;

  @QueryParam("size")
  @Pattern(regexp = NUMBER, message = NUMBER_MESSAGE)
  @Parameter(description = "每页件数 / cases per page, 1 to 100 (default 20)")
  public String size;

  /** The criteria, checked. 403 for a region outside the caller's; 422 naming each rule broken. */
  Checked check(Caller caller, Clock clock) {
    if (region != null && !caller.covers(region)) {
      throw ProblemException.forbidden(
          "区域 " + region + " 不在您的辖区内 / outside the caller's authority");
    }
    if (caseNumber != null
        && caseNumber.stream().anyMatch(n -> !CASE_NUMBER.matcher(n).matches())) {
      throw ProblemException.malformed(
          "caseNumber", "Pattern", "must be a case number such as 530302-20261203-00001");
    }
    List<FieldError> errors = new ArrayList<>();
    if (category != null && Categories.table().find(category).isEmpty()) {
      errors.add(new FieldError("category", "Category", "no such code in the category table"));
    }
    List<String> statuses = status == null ? List.of() : status;
    for (String s : statuses) {
      if (Arrays.stream(CaseStatus.values()).noneMatch(v -> v.name().equals(s))) {
        errors.add(
            new FieldError("status", "OneOf", "must be one of " + names(CaseStatus.values())));
        break;
      }
    }
    if (channel != null
        && Arrays.stream(Channel.values()).noneMatch(v -> v.name().equals(channel))) {
      errors.add(new FieldError("channel", "OneOf", "must be one of " + names(Channel.values())));
    }
    if (sort != null && !SORTS.containsKey(sort)) {
      errors.add(
          new FieldError("sort", "OneOf", "must be one of " + String.join(", ", SORTS.keySet())));
    }
    ContentWords.Search words = q == null ? null : ContentWords.Search.of(q);
    if (words != null && words.words().isEmpty()) {
      errors.add(new FieldError("q", "Words", "must hold a word of letters or digits"));
    } else if (words != null && words.tooShort() != null) {
      errors.add(
          new FieldError(
              "q",
              "WordLength",
              "each word must have at least " + ContentWords.SHORTEST + " characters"));
    } else if (words != null && words.words().size() > ContentWords.MOST) {
      errors.add(new FieldError("q", "Words", "at most " + ContentWords.MOST + " words"));
    }
    if ("relevance".equals(sort) && q == null) {
      errors.add(new FieldError("sort", "RelevanceNeedsWords", "relevance orders a search by q"));
    }
    boolean csv = "csv".equals(format);
    int largest = csv ? CaseListCsv.MAX_ROWS : MAX_SIZE;
    int pageSize = size == null ? (csv ? largest : 20) : Integer.parseInt(size);
    if (pageSize < 1 || pageSize > largest) {
      errors.add(new FieldError("size", "Range", "must be 1 to " + largest));
    }
    if (overdue != null && dueWithin != null) {
      errors.add(
          new FieldError("dueWithin", "OverdueOrDueWithin", "give overdue or dueWithin, not both"));
    }
    LocalDate from = receivedFrom == null ? null : Dates.parse("receivedFrom", receivedFrom);
    LocalDate to = receivedTo == null ? null : Dates.parse("receivedTo", receivedTo);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError("receivedTo", "FromBeforeTo", "must not be before receivedFrom"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate dueBy =
        overdue != null
            ? today.minusDays(1)
            : dueWithin == null ? null : today.plusDays(Integer.parseInt(dueWithin));
    return new Checked(
        viewer(caller),
        new Criteria(
            caseNumber,
            queryCode == null
                ? null
                : List.copyOf(FieldCipher.instance().digests(queryCode.toUpperCase())),
            oldCaseNumber,
            category,
            region,
            unit,
            statuses,
            channel,
            flag(collective),
            flag(repeat),
            flag(escalated),
            flag(accusation),
            from,
            to,
            dueBy,
            null,
            words,
            excludeHandedTo == null ? null : List.of(excludeHandedTo.split(","))),
        sort != null ? SORTS.get(sort) : words != null ? Order.RELEVANCE : Order.RECEIVED_NEWEST,
        page == null ? 0 : Integer.parseInt(page),
        pageSize,
        today,
        csv);
  }

  /** The caller as the search's rule of who sees what takes them. */
  static Viewer viewer(Caller caller) {
    return new Viewer(
        caller.unit(),
        caller.subtree(),
        caller.hasAnyRole(Roles.SUPERVISOR, Roles.LEADER, Roles.JOINT_OFFICE));
  }

  /** The query as the repository takes it. */
  record Checked(
      Viewer viewer,
      Criteria criteria,
      Order order,
      int page,
      int size,
      LocalDate today,
      boolean csv) {}

  private static Boolean flag(String value) {
    return value == null ? null : Boolean.valueOf(value);
  }

  private static String names(Enum<?>[] values) {
    return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
  }
}
