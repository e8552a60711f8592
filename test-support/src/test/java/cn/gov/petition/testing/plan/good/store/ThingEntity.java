package cn.gov.petition.testing.plan.good.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class ThingEntity {
  @Id public Long id;
}
