package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deadline table. Its rows are reference data that only migrations write, and every act reads
 * them (each step's due date): they are read once per node and kept, so that counting a deadline
 * costs no round trip to the database (bench/README.md, importing history).
 */
@ApplicationScoped
public class DeadlineRuleRepository implements PanacheRepository<DeadlineRuleEntity> {

  /** The rows as read, newest version first; null until first asked. */
  private volatile List<DeadlineRuleEntity> rows;

  /**
   * The rule for a step in a province on a day: the province's own row wins over the national one,
   * and of each, the version in effect on that day.
   */
  public Optional<DeadlineRuleEntity> inEffect(String step, String province, LocalDate on) {
    return rows().stream()
        .filter(r -> r.step.equals(step) && !r.effectiveFrom.isAfter(on))
        .filter(r -> r.jurisdiction.equals(province) || r.jurisdiction.equals("CN"))
        .min(
            Comparator.comparing((DeadlineRuleEntity r) -> r.jurisdiction.equals("CN"))
                .thenComparing(r -> r.effectiveFrom, Comparator.reverseOrder()));
  }

  /** A rule by its id, as a step names it. */
  public DeadlineRuleEntity rule(long id) {
    return rows().stream()
        .filter(r -> r.id == id)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no deadline rule " + id));
  }

  public List<DeadlineRuleEntity> all() {
    return list("order by jurisdiction, step, effectiveFrom");
  }

  /** Reads the table again: after a row was written outside the migrations (a test's override). */
  public void reload() {
    rows = null;
  }

  private List<DeadlineRuleEntity> rows() {
    List<DeadlineRuleEntity> read = rows;
    if (read == null) {
      read = List.copyOf(list("order by effectiveFrom desc"));
      rows = read;
    }
    return read;
  }
}
