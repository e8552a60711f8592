package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<CaseTransitionEntity> {

  public List<CaseTransitionEntity> ofCase(UUID caseId) {
    return list("caseId = ?1 order by id", caseId);
  }
}
