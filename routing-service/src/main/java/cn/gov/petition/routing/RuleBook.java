package cn.gov.petition.routing;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.routing.store.AuthorityRuleSetEntity;
import cn.gov.petition.routing.store.AuthorityRuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authority rules in effect today, read from the database; a version, once published, never
 * changes, so each is read once and kept. A newly published version takes effect on its date
 * without a restart: every decision asks which version is in effect.
 */
@ApplicationScoped
public class RuleBook {

  private final AuthorityRuleSetRepository sets;
  private final Clock clock;
  private final Map<Integer, RuleSet> read = new ConcurrentHashMap<>();

  public RuleBook(AuthorityRuleSetRepository sets, Clock clock) {
    this.sets = sets;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public RuleSet inEffect() {
    LocalDate today = LocalDate.now(clock);
    AuthorityRuleSetEntity set =
        sets.inEffect(today)
            .orElseThrow(() -> new IllegalStateException("no authority rules in effect " + today));
    return read.computeIfAbsent(set.version, v -> toRuleSet(set));
  }

  public static RuleSet toRuleSet(AuthorityRuleSetEntity set) {
    return new RuleSet(
        set.version,
        set.effectiveFrom,
        set.rules.stream()
            .sorted(Comparator.comparing(r -> r.id))
            .map(
                r ->
                    new AuthorityRule(
                        r.id,
                        r.category,
                        r.petitionClass,
                        r.department,
                        r.minLevel == null ? null : Division.Level.valueOf(r.minLevel),
                        r.note))
            .toList());
  }
}
