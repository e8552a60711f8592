package cn.gov.petition.routing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** 职权规则版本: one published version of the authority rules, complete in itself. */
public record RuleSet(int version, LocalDate effectiveFrom, List<AuthorityRule> rules) {

  /** The most specific rule for the case: category over its parent over {@code *}, class next. */
  public Optional<AuthorityRule> ruleFor(String category, String petitionClass) {
    return rules.stream()
        .filter(r -> r.specificity(category, petitionClass) >= 0)
        .max(Comparator.comparingInt(r -> r.specificity(category, petitionClass)));
  }

  /** How decisions name the version they used. */
  public String label() {
    return "authority-" + version;
  }
}
