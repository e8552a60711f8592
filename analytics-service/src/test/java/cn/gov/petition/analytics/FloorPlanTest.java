package cn.gov.petition.analytics;

import cn.gov.petition.testing.FloorPlan;
import org.junit.jupiter.api.Test;

/** Analytics keeps the one floor plan of every service (FloorPlan, docs/running.md). */
class FloorPlanTest {

  @Test
  void analyticsKeepsTheFloorPlan() {
    FloorPlan.check("cn.gov.petition.analytics");
  }
}
