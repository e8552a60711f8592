package cn.gov.petition.testing.plan.bad;

import jakarta.persistence.EntityManager;

/** Misplaced: the domain talks to the database. */
public class QueriesItself {
  private EntityManager em;

  Object find(long id) {
    return em.find(RootEntity.class, id);
  }
}
