package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<CaseTransitionEntity> {

  public Optional<CaseTransitionEntity> findByIdempotencyKey(String key) {
    return find("idempotencyKey", key).firstResultOptional();
  }

  public List<CaseTransitionEntity> ofCase(UUID caseId) {
    return list("caseId = ?1 order by id", caseId);
  }
}
