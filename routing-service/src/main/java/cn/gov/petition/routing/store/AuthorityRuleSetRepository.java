package cn.gov.petition.routing.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AuthorityRuleSetRepository
    implements PanacheRepositoryBase<AuthorityRuleSetEntity, Integer> {

  /** The number of the newest version in effect on the day (one number, not the rules). */
  public Optional<Integer> versionInEffect(LocalDate day) {
    return Optional.ofNullable(
        getEntityManager()
            .createQuery(
                "select max(s.version) from AuthorityRuleSetEntity s where s.effectiveFrom <= :day",
                Integer.class)
            .setParameter("day", day)
            .getSingleResult());
  }

  public int latestVersion() {
    Integer latest =
        getEntityManager()
            .createQuery("select max(s.version) from AuthorityRuleSetEntity s", Integer.class)
            .getSingleResult();
    return latest == null ? 0 : latest;
  }

  /** One rule of any version, by its id (a decision names the rule it applied). */
  public Optional<AuthorityRuleEntity> rule(long id) {
    return Optional.ofNullable(getEntityManager().find(AuthorityRuleEntity.class, id));
  }

  public List<AuthorityRuleSetEntity> newestFirst() {
    return list("order by version desc");
  }
}
