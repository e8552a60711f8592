package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.testing.FloorPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intake keeps the one floor plan of every service (FloorPlan, docs/running.md). */
class FloorPlanTest {

  @Test
  void intakeKeepsTheFloorPlan() {
    assertEquals(List.of(), FloorPlan.violations("cn.gov.petition.intake"));
  }
}
