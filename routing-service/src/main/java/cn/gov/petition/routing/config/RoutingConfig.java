package cn.gov.petition.routing.config;

import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.routing.Router;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

class RoutingConfig {

  @Produces
  @Singleton
  Router router(DivisionTable divisions, Units units, Clock clock) {
    return new Router(divisions, units, clock);
  }
}
