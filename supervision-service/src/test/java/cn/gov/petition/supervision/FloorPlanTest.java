package cn.gov.petition.supervision;

import cn.gov.petition.testing.FloorPlan;
import org.junit.jupiter.api.Test;

/** Supervision keeps the one floor plan of every service (FloorPlan, docs/running.md). */
class FloorPlanTest {

  @Test
  void supervisionKeepsTheFloorPlan() {
    FloorPlan.check("cn.gov.petition.supervision");
  }
}
