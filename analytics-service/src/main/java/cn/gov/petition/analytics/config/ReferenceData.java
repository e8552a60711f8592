package cn.gov.petition.analytics.config;

import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The division table and the units, read once, for the names in the statistics. */
class ReferenceData {

  @Produces
  @Singleton
  DivisionTable divisions() {
    return DivisionTable.national();
  }

  @Produces
  @Singleton
  Units units(DivisionTable divisions) {
    return Units.standard(divisions);
  }
}
