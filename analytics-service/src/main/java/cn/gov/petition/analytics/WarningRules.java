package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.WarningRuleRepository;
import cn.gov.petition.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The early-warning rules as data (V5 {@code warning_rule}): each version of each rule kept, the
 * newest in force. A change is a new version with who made it and why; nothing is overwritten.
 */
@ApplicationScoped
public class WarningRules {

  private final WarningRuleRepository rules;

  public WarningRules(WarningRuleRepository rules) {
    this.rules = rules;
  }

  /**
   * One version of a rule.
   *
   * @param name its Chinese name, as the dashboard shows it
   * @param parameters its parameters ({@link RuleKind#parameters()})
   */
  public record Rule(
      String id,
      int version,
      RuleKind kind,
      String name,
      boolean enabled,
      Map<String, Object> parameters,
      Instant changedAt,
      String changedBy,
      String reason) {

    /** A whole-number parameter. */
    public int integer(String parameter) {
      return ((Number) parameters.get(parameter)).intValue();
    }

    public double number(String parameter) {
      return ((Number) parameters.get(parameter)).doubleValue();
    }

    public String text(String parameter) {
      return parameters.get(parameter).toString();
    }
  }

  /** The rules in force (the newest version of each), by id. */
  public List<Rule> inForce() {
    return rules.inForce();
  }

  public Optional<Rule> inForce(String id) {
    return inForce().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Every version of one rule, newest first. */
  public List<Rule> versions(String id) {
    return rules.versions(id);
  }

  /**
   * Writes the next version of a rule, if {@code from} is still the version in force: 409 otherwise
   * (someone changed it meanwhile).
   */
  public Rule change(
      Rule from,
      boolean enabled,
      Map<String, Object> parameters,
      String by,
      String reason,
      Instant at) {
    if (!rules.writeNext(from, enabled, parameters, by, reason, at)) {
      throw ProblemException.conflict(
          "规则 " + from.id() + " 已被他人修改 / the rule changed meanwhile: read it again");
    }
    return new Rule(
        from.id(),
        from.version() + 1,
        from.kind(),
        from.name(),
        enabled,
        parameters,
        at,
        by,
        reason);
  }
}
