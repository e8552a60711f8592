package cn.gov.petition.routing.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.tx.AfterCommit;
import cn.gov.petition.routing.AuthorityRule;
import cn.gov.petition.routing.RuleBook;
import cn.gov.petition.routing.RuleSet;
import cn.gov.petition.routing.store.AuthorityRuleEntity;
import cn.gov.petition.routing.store.AuthorityRuleSetEntity;
import cn.gov.petition.routing.store.AuthorityRuleSetRepository;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 职权规则: the authority rules as data. Anyone may read them (they are how the public is told who
 * handles what); an administrator publishes a new complete version, with a reason, in effect from a
 * date; the version row is the audit record and is never changed or deleted.
 */
@Path("/authority-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "职权规则 / Authority rules",
    description = "属地管辖与职权规则及其版本 / The versioned rules that route a matter to its unit")
public class AuthorityRuleResource {

  private final RuleBook rules;
  private final AuthorityRuleSetRepository sets;
  private final Units units;
  private final Caller caller;
  private final Clock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final String node;

  public AuthorityRuleResource(
      RuleBook rules,
      AuthorityRuleSetRepository sets,
      Units units,
      Caller caller,
      Clock clock,
      TransactionSynchronizationRegistry transactions,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "petition.node.region")
          String node) {
    this.node = node;
    this.rules = rules;
    this.sets = sets;
    this.units = units;
    this.caller = caller;
    this.clock = clock;
    this.transactions = transactions;
  }

  @Schema(description = "职权规则 / One rule")
  public record RuleInput(
      @Schema(description = "内容分类代码或 * / category code or *", example = "0105")
          @NotNull
          @Pattern(regexp = "\\*|\\d{2}|\\d{4}", message = "must be a category code or *")
          String category,
      @Schema(description = "信访事项类别或 * / SUGGESTION, ACCUSATION, APPEAL or *", example = "*")
          @NotNull
          @Pattern(
              regexp = "\\*|SUGGESTION|ACCUSATION|APPEAL",
              message = "must be SUGGESTION, ACCUSATION, APPEAL or *")
          String petitionClass,
      @Schema(description = "主管部门 / department (GET /units)", example = "zjj") @NotNull
          String department,
      @Schema(description = "最低办理层级 / the lowest level that may handle it", example = "COUNTY")
          Division.Level minLevel,
      @Schema(description = "说明 / why", example = "供水供暖：住房和城乡建设部门") @Size(max = 200) String note) {}

  @Schema(description = "发布职权规则新版本 / Publish a new version of the authority rules")
  public record PublishRequest(
      @Schema(description = "生效日期 / in effect from", example = "2026-12-01") @NotNull
          LocalDate effectiveFrom,
      @Schema(description = "调整理由 / why the rules change", example = "机构改革后供暖职责调整")
          @NotBlank
          @Size(max = 500)
          String reason,
      @Schema(description = "完整规则集 / the complete rule set, with a * rule")
          @NotEmpty
          @Size(max = 1000)
          List<@Valid @NotNull RuleInput> rules) {}

  @Schema(description = "职权规则版本 / A version of the rules, with its audit record")
  public record RuleSetView(
      @Schema(example = "2") int version,
      LocalDate effectiveFrom,
      Instant publishedAt,
      @Schema(example = "yunnan-admin") String publishedBy,
      String reason,
      List<AuthorityRule> rules) {}

  @GET
  @Authenticated
  @Transactional
  @Operation(summary = "现行职权规则 / The rules in effect today")
  public RuleSetView inEffect() {
    RuleSet set = rules.inEffect();
    return view(sets.findById(set.version()));
  }

  @GET
  @Path("/versions")
  @Authenticated
  @Transactional
  @Operation(summary = "职权规则版本记录 / Every version, newest first, with who published it and why")
  public List<RuleSetView> versions() {
    return sets.newestFirst().stream().map(AuthorityRuleResource::view).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Transactional
  @Operation(
      summary =
          "发布职权规则新版本 / Publish a new version of the rules (administrator of the node's region)",
      description =
          "管理员发布完整的新规则集，自生效日期起用于新的路由决定，无需重启。 The new complete rule set applies to"
              + " decisions from its date on, without a restart; earlier decisions keep the version"
              + " they used.")
  @APIResponse(responseCode = "201", description = "已发布 / published")
  @APIResponse(
      responseCode = "422",
      description = "规则有误 / a rule names an unknown category or department, or no * rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response publish(@NotNull @Valid PublishRequest request) {
    if (!caller.covers(node)) {
      // the rules route every petition of the node's region: a city's administrator on the
      // province's node may not rewrite the province's
      throw ProblemException.forbidden(
          "本节点（"
              + node
              + "）的职权规则须由该地区的管理员发布 / the node's rules are published by an administrator of"
              + " its region "
              + node);
    }
    check(request);
    if (request.effectiveFrom().isBefore(LocalDate.now(clock))) {
      throw ProblemException.invalid(
          "effectiveFrom", "NotInThePast", "a rule set takes effect today or later");
    }
    AuthorityRuleSetEntity set = new AuthorityRuleSetEntity();
    set.version = sets.latestVersion() + 1;
    set.effectiveFrom = request.effectiveFrom();
    set.publishedAt = clock.instant();
    set.publishedBy = caller.user();
    set.reason = request.reason();
    for (RuleInput input : request.rules()) {
      AuthorityRuleEntity rule = new AuthorityRuleEntity();
      rule.ruleSet = set;
      rule.category = input.category();
      rule.petitionClass = input.petitionClass();
      rule.department = input.department();
      rule.minLevel = input.minLevel() == null ? null : input.minLevel().name();
      rule.note = input.note() == null ? "" : input.note();
      set.rules.add(rule);
    }
    sets.persist(set);
    sets.flush();
    // after commit, so that no decision in between can find the old version and keep it
    AfterCommit.run(transactions, rules::published);
    return Response.status(201).entity(view(set)).build();
  }

  private void check(PublishRequest request) {
    List<FieldError> errors = new ArrayList<>();
    boolean catchAll = false;
    for (int i = 0; i < request.rules().size(); i++) {
      RuleInput rule = request.rules().get(i);
      if (!rule.category().equals(AuthorityRule.ANY)
          && Categories.table().find(rule.category()).isEmpty()) {
        errors.add(
            new FieldError(
                "rules[" + i + "].category", "KnownCategory", "is not in the category table"));
      }
      if (!units.isDepartment(rule.department())) {
        errors.add(
            new FieldError(
                "rules[" + i + "].department",
                "KnownDepartment",
                "is not a department of the unit template (GET /units)"));
      }
      catchAll |= rule.category().equals(AuthorityRule.ANY) && rule.petitionClass().equals("*");
    }
    if (!catchAll) {
      errors.add(
          new FieldError(
              "rules",
              "CatchAll",
              "needs a rule for category * and class * so that every petition has a unit"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static RuleSetView view(AuthorityRuleSetEntity set) {
    return new RuleSetView(
        set.version,
        set.effectiveFrom,
        set.publishedAt,
        set.publishedBy,
        set.reason,
        RuleBook.toRuleSet(set).rules());
  }
}
