package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.PetitionTestInfrastructure;
import cn.gov.petition.infra.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a database dump or backup would show of a petitioner: no ID number, no phone. */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class PersonalDataAtRestTest {

  @Inject EntityManager entityManager;

  @Test
  void idNumbersAndPhonesAreEncryptedInTheDatabaseAndPlainForTheHandlingUnit() {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");

    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        entityManager
                            .createNativeQuery(
                                "SELECT id_number, phone, id_number_digest FROM petitioner WHERE case_id = :id")
                            .setParameter("id", UUID.fromString(id))
                            .getSingleResult());
    String storedId = (String) row[0];
    String storedPhone = (String) row[1];
    assertTrue(storedId.startsWith("v1:"), "the ID number is stored encrypted");
    assertFalse(storedId.contains("530302199001011232"));
    assertFalse(storedPhone.contains("13812345678"), "the phone is stored encrypted");
    assertEquals(64, ((String) row[2]).length(), "a digest to find the same petitioner again");

    List<?> twice =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "SELECT DISTINCT id_number FROM petitioner WHERE id_number_digest = :d")
                        .setParameter("d", row[2])
                        .getResultList());
    assertTrue(
        twice.size() >= 1 && twice.stream().allMatch(v -> ((String) v).startsWith("v1:")),
        "the same ID number encrypts differently each time yet shares its digest");

    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("petitioners[0].idNumber", equalTo("530302199001011232"))
        .body("petitioners[0].phone", equalTo("13812345678"));
  }
}
