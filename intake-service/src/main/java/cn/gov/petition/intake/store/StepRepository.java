package cn.gov.petition.intake.store;

import cn.gov.petition.contracts.Step;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StepRepository implements PanacheRepository<CaseStepEntity> {

  public List<CaseStepEntity> ofCase(UUID caseId) {
    return list("caseId = ?1 order by id", caseId);
  }

  public List<CaseStepEntity> openOf(UUID caseId) {
    return list("caseId = ?1 and doneOn is null order by dueOn, id", caseId);
  }

  public Optional<CaseStepEntity> open(UUID caseId, Step step) {
    return find("caseId = ?1 and step = ?2 and doneOn is null", caseId, step).firstResultOptional();
  }

  /** The latest run of a step, open or done. */
  public Optional<CaseStepEntity> latest(UUID caseId, Step step) {
    return find("caseId = ?1 and step = ?2 order by id desc", caseId, step).firstResultOptional();
  }

  /**
   * The steps a calendar version may move: counted with an older version, and either provisional or
   * due on or after the first day a newer version (up to {@code version}) changed. A period that
   * ended before every changed day was counted on days no version changed.
   *
   * @param firstChanged the first day a version not stored yet changes (a preview), if any
   */
  public List<CaseStepEntity> toRecount(int version, java.time.LocalDate firstChanged) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT s.* FROM case_step s WHERE s.calendar_version < ?1 AND (s.provisional OR"
                + " s.due_on >= LEAST(CAST(?2 AS date), (SELECT min(v.first_changed_day)"
                + " FROM calendar_version v WHERE v.version > s.calendar_version"
                + " AND v.version <= ?1))) ORDER BY s.case_id, s.id",
            CaseStepEntity.class)
        .setParameter(1, version)
        .setParameter(2, firstChanged == null ? NO_DAY : firstChanged)
        .getResultList();
  }

  /** A day after every due date, for "no day" in a query. */
  private static final java.time.LocalDate NO_DAY = java.time.LocalDate.of(9999, 12, 31);
}
