package cn.gov.petition.routing.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AuthorityRuleSetRepository
    implements PanacheRepositoryBase<AuthorityRuleSetEntity, Integer> {

  /** The newest version in effect on the day. */
  public Optional<AuthorityRuleSetEntity> inEffect(LocalDate day) {
    return find("effectiveFrom <= ?1 order by version desc", day).firstResultOptional();
  }

  public int latestVersion() {
    Integer latest =
        getEntityManager()
            .createQuery("select max(s.version) from AuthorityRuleSetEntity s", Integer.class)
            .getSingleResult();
    return latest == null ? 0 : latest;
  }

  public List<AuthorityRuleSetEntity> newestFirst() {
    return list("order by version desc");
  }
}
