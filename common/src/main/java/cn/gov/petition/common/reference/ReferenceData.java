package cn.gov.petition.common.reference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The division table and the standard units as beans, read once per service: every service that
 * names regions and units (routing, supervision, analytics) injects the same two.
 */
class ReferenceData {

  @Produces
  @Singleton
  DivisionTable divisions() {
    return DivisionTable.national();
  }

  @Produces
  @Singleton
  Units units() {
    return Units.national();
  }

  @Produces
  @Singleton
  UnitNames unitNames() {
    return UnitNames.national();
  }
}
