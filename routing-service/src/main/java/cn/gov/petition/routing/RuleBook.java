package cn.gov.petition.routing;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.routing.store.AuthorityRuleSetEntity;
import cn.gov.petition.routing.store.AuthorityRuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authority rules in effect today, read from the database; a version, once published, never
 * changes, so each is read once and kept. A newly published version takes effect on its date
 * without a restart: which version is in effect is asked again on a new day, at once on the replica
 * that published it, and within {@link #FRESH} on every other replica (rather than once per
 * decision, which cost a fifth of the routing service's time under load: bench/README.md).
 */
@ApplicationScoped
public class RuleBook {

  private final AuthorityRuleSetRepository sets;
  private final Clock clock;

  /** How long a replica relies on the version it last found in effect. */
  static final Duration FRESH = Duration.ofSeconds(1);

  private final Map<Integer, RuleSet> read = new ConcurrentHashMap<>();
  private volatile Current current;

  private record Current(LocalDate day, long readAt, RuleSet set) {}

  public RuleBook(AuthorityRuleSetRepository sets, Clock clock) {
    this.sets = sets;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public RuleSet inEffect() {
    LocalDate today = LocalDate.now(clock);
    Current known = current;
    if (known != null
        && known.day().equals(today)
        && System.nanoTime() - known.readAt() < FRESH.toNanos()) {
      return known.set();
    }
    long readAt = System.nanoTime();
    int version =
        sets.versionInEffect(today)
            .orElseThrow(() -> new IllegalStateException("no authority rules in effect " + today));
    RuleSet inEffect = read.computeIfAbsent(version, v -> toRuleSet(sets.findById(v)));
    current = new Current(today, readAt, inEffect);
    return inEffect;
  }

  /** Asks the database again on the next decision: a version was published here. */
  public void published() {
    current = null;
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
