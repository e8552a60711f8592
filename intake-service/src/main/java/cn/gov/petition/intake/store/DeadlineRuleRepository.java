package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DeadlineRuleRepository implements PanacheRepository<DeadlineRuleEntity> {

  /**
   * The rule for a step in a province on a day: the province's own row wins over the national one,
   * and of each, the version in effect on that day.
   */
  public Optional<DeadlineRuleEntity> inEffect(String step, String province, LocalDate on) {
    return find(
            "step = ?1 and jurisdiction in ('CN', ?2) and effectiveFrom <= ?3 "
                + "order by case when jurisdiction = 'CN' then 1 else 0 end, effectiveFrom desc",
            step,
            province,
            on)
        .firstResultOptional();
  }

  public List<DeadlineRuleEntity> all() {
    return list("order by jurisdiction, step, effectiveFrom");
  }
}
