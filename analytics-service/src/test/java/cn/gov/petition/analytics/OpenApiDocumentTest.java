package cn.gov.petition.analytics;

import static cn.gov.petition.infra.ApiSnapshots.assertServedApiIsCommitted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.infra.ApiSnapshots;
import cn.gov.petition.infra.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every API change shows in review: the served document is the one in docs/openapi/. */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

  @Test
  void theServedApiIsTheCommittedOne() {
    assertServedApiIsCommitted("analytics-service");
  }

  @Test
  void everyOperationIsSummarisedInChineseAndEnglishAndEveryRequestFieldHasAnExample() {
    assertEquals(List.of(), ApiSnapshots.undescribed());
  }
}
