package cn.gov.petition.intake.api;

import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.intake.store.DeadlineRuleEntity;
import cn.gov.petition.intake.store.DeadlineRuleRepository;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tables the procedure runs on, as data: categories and statutory deadlines. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "基础数据 / Reference data",
    description = "信访事项分类等基础数据 / Categories and other reference data")
@Authenticated
public class ReferenceResource {

  private final DeadlineRuleRepository rules;

  public ReferenceResource(DeadlineRuleRepository rules) {
    this.rules = rules;
  }

  @GET
  @Path("categories")
  @Operation(
      summary = "内容分类 / The content category table",
      description = "二级分类表；登记时填写二级分类代码。 Two levels; petitions are filed under a second-level code.")
  public List<Categories.Category> categories() {
    return Categories.table().all();
  }

  /** 时限规则 as served. */
  public record DeadlineRuleView(
      String jurisdiction,
      String step,
      int days,
      String dayKind,
      String startsAt,
      LocalDate effectiveFrom,
      String version,
      String source) {}

  @GET
  @Path("deadline-rules")
  @Transactional
  @Operation(
      summary = "时限表 / The deadline table",
      description =
          "每个环节的期限、按自然日或工作日计算、起算事件、版本和依据；CN 为全国，省级代码为该省的规定。"
              + " Every step's period, calendar or working days, start event, version and source; 'CN' rows apply nationwide, a province's rows override them there.")
  public List<DeadlineRuleView> deadlineRules() {
    return rules.all().stream().map(ReferenceResource::view).toList();
  }

  private static DeadlineRuleView view(DeadlineRuleEntity r) {
    return new DeadlineRuleView(
        r.jurisdiction,
        r.step,
        r.days,
        r.dayKind,
        r.startsAt,
        r.effectiveFrom,
        r.version,
        r.source);
  }
}
