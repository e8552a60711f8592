package cn.gov.petition.supervision;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.ServedApiDocumentTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The API supervision-service serves is the committed one, described in both languages
 * (ServedApiDocumentTest).
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest extends ServedApiDocumentTest {

  OpenApiDocumentTest() {
    super("supervision-service");
  }
}
