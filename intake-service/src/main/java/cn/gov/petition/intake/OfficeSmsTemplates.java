package cn.gov.petition.intake;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.SmsTemplates.Notice;
import cn.gov.petition.intake.store.SmsTemplateRepository;
import cn.gov.petition.intake.store.SmsTemplateRepository.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 短信告知模板 of each office: the wording its petitioners are sent for each notice, the platform's
 * ({@link SmsTemplates#defaults}, signed with the office's name) unless the office has put its own,
 * which must keep the rules of {@link SmsTemplates#check}.
 */
@ApplicationScoped
public class OfficeSmsTemplates {

  private static final Units UNITS = Units.national();

  /** One notice's wording as an office has it. */
  public record Template(
      Notice notice, String wording, boolean own, String changedBy, Instant changedAt) {}

  private final SmsTemplateRepository stored;
  private final Clock clock;

  public OfficeSmsTemplates(SmsTemplateRepository stored, Clock clock) {
    this.stored = stored;
    this.clock = clock;
  }

  /** Every notice's wording for the office, in the order of {@link Notice}. */
  public List<Template> of(String office) {
    Map<Notice, String> platform = SmsTemplates.defaults(signature(office));
    Map<String, Stored> own = stored.of(office);
    List<Template> all = new ArrayList<>();
    for (Notice notice : Notice.values()) {
      Stored mine = own.get(notice.name());
      all.add(
          mine == null
              ? new Template(notice, platform.get(notice), false, null, null)
              : new Template(notice, mine.wording(), true, mine.changedBy(), mine.changedAt()));
    }
    return all;
  }

  /** The wording the office's petitioners are sent for the notice. */
  public Template of(String office, Notice notice) {
    return of(office).get(notice.ordinal());
  }

  /**
   * Puts the caller's office's own wording of the notice; 422 naming {@code wording} and each rule
   * it breaks, and nothing stored.
   */
  @Transactional
  public Template reword(String notice, String wording, Caller caller) {
    Notice which = notice(notice);
    List<SmsTemplates.Violation> broken = SmsTemplates.check(which, wording);
    if (!broken.isEmpty()) {
      throw ProblemException.invalid(
          broken.stream().map(v -> new FieldError("wording", v.rule(), v.message())).toList());
    }
    stored.put(caller.unit(), which.name(), wording.strip(), caller.user(), clock.instant());
    return of(caller.unit(), which);
  }

  /** Back to the platform's wording of the notice for the caller's office. */
  @Transactional
  public Template restore(String notice, Caller caller) {
    Notice which = notice(notice);
    stored.remove(caller.unit(), which.name());
    return of(caller.unit(), which);
  }

  /** The office's name, as its signature 【...】 of the platform's wordings. */
  static String signature(String office) {
    String name = UNITS.nameOr(office, "信访工作机构");
    return name.length() <= 16 ? name : name.substring(name.length() - 16);
  }

  private static Notice notice(String name) {
    return Arrays.stream(Notice.values())
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("SMS notice", name));
  }
}
