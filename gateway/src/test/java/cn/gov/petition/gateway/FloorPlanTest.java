package cn.gov.petition.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.testing.FloorPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway keeps the one floor plan of every service (FloorPlan, docs/running.md). */
class FloorPlanTest {

  @Test
  void theGatewayKeepsTheFloorPlan() {
    assertEquals(List.of(), FloorPlan.violations("cn.gov.petition.gateway"));
  }
}
