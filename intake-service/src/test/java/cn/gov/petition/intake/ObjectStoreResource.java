package cn.gov.petition.intake;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The real S3-compatible object store (S3Proxy, ADR 31) for intake's tests: started with the shared
 * infrastructure by intake alone, the one service that keeps attachments (the other modules' tests
 * do not pay for its JVM).
 */
public class ObjectStoreResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return PetitionTestInfrastructure.infrastructure().objectsConfig();
  }

  @Override
  public void stop() {
    // the shared infrastructure stops the store with the rest, when the JVM ends
  }
}
