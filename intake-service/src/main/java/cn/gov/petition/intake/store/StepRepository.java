package cn.gov.petition.intake.store;

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

  public Optional<CaseStepEntity> open(UUID caseId, String step) {
    return find("caseId = ?1 and step = ?2 and doneOn is null", caseId, step).firstResultOptional();
  }

  /** The latest run of a step, open or done. */
  public Optional<CaseStepEntity> latest(UUID caseId, String step) {
    return find("caseId = ?1 and step = ?2 order by id desc", caseId, step).firstResultOptional();
  }
}
