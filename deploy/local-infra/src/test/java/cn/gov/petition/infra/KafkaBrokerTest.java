package cn.gov.petition.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  /** One id in 64 started with '-' and made the storage tool fail: a flaky first CI run. */
  @Test
  void clusterIdsNeverStartWithADash() {
    for (int i = 0; i < 10_000; i++) {
      String id = KafkaBroker.clusterId();
      assertFalse(id.startsWith("-"), id);
      assertEquals(22, id.length(), id);
    }
  }
}
