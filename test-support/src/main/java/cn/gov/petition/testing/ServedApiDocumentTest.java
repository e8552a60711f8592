package cn.gov.petition.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every API change shows in review: the document a service serves is the one committed in
 * docs/openapi/ ({@link ApiSnapshots}), and it describes every operation in both languages, with
 * examples. Each service's {@code OpenApiDocumentTest} is this test, started as a Quarkus test and
 * named by its service.
 */
public abstract class ServedApiDocumentTest {

  private final String service;

  protected ServedApiDocumentTest(String service) {
    this.service = service;
  }

  @Test
  void theServedApiIsTheCommittedOne() {
    ApiSnapshots.assertServedApiIsCommitted(service);
  }

  @Test
  void everyOperationIsSummarisedInChineseAndEnglishAndEveryRequestFieldHasAnExample() {
    assertEquals(List.of(), ApiSnapshots.undescribed());
  }
}
