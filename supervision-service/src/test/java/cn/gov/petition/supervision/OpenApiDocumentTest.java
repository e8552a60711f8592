package cn.gov.petition.supervision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.gov.petition.infra.ApiSnapshots;
import cn.gov.petition.infra.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

  @Test
  void theServedApiIsTheCommittedOne() {
    String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
    assertNull(ApiSnapshots.compare("supervision-service", served));
  }
}
