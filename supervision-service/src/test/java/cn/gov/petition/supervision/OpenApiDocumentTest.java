package cn.gov.petition.supervision;

import cn.gov.petition.infra.PetitionTestInfrastructure;
import cn.gov.petition.infra.ServedApiMatchesCommitted;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest extends ServedApiMatchesCommitted {
  @Override
  protected String service() {
    return "supervision-service";
  }
}
