package cn.gov.petition.testing.plan.bad;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Misplaced: an entity outside store. */
@Entity
public class RootEntity {
  @Id public Long id;
}
