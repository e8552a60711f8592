package cn.gov.petition.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The test every service inherits once, as its {@code OpenApiDocumentTest}: the OpenAPI document it
 * serves is the one committed in docs/openapi/, so every API change shows in review.
 */
public abstract class ServedApiMatchesCommitted {

  /** The service's module name, which names its committed document. */
  protected abstract String service();

  @Test
  void theServedApiIsTheCommittedOne() {
    String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
    assertNull(ApiSnapshots.compare(service(), served));
  }
}
