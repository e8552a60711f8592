package cn.gov.petition.testing.plan.good.store;

import cn.gov.petition.testing.plan.good.Thing;
import jakarta.persistence.EntityManager;

public class ThingRepository {
  private EntityManager em;

  public void save(Thing thing) {
    em.persist(new ThingEntity());
  }
}
