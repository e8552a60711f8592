package cn.gov.petition.analytics.config;

import cn.gov.petition.common.reference.DivisionTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The division table, read once, for the names of regions in the statistics. */
class ReferenceData {

  @Produces
  @Singleton
  DivisionTable divisions() {
    return DivisionTable.national();
  }
}
