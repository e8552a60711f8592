package cn.gov.petition.routing;

import cn.gov.petition.testing.FloorPlan;
import org.junit.jupiter.api.Test;

/** Routing keeps the one floor plan of every service (FloorPlan, docs/running.md). */
class FloorPlanTest {

  @Test
  void routingKeepsTheFloorPlan() {
    FloorPlan.check("cn.gov.petition.routing");
  }
}
