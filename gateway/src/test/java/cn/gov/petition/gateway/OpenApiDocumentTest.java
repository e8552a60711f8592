package cn.gov.petition.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.gov.petition.testing.ApiSnapshots;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every API change shows in review: the document gateway serves is the one in docs/openapi/, and it
 * describes every operation in both languages, with examples (ApiSnapshots).
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

  @Test
  void theServedApiIsTheCommittedOne() {
    assertNull(ApiSnapshots.compare("gateway", ApiSnapshots.served()));
  }

  @Test
  void everyOperationIsSummarisedInChineseAndEnglishAndEveryRequestFieldHasAnExample() {
    assertEquals(List.of(), ApiSnapshots.undescribed());
  }
}
