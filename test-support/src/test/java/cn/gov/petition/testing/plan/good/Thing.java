package cn.gov.petition.testing.plan.good;

import cn.gov.petition.testing.plan.good.store.ThingRepository;

/** A domain type that persists through store. */
public record Thing(String name) {
  void save(ThingRepository things) {
    things.save(this);
  }
}
