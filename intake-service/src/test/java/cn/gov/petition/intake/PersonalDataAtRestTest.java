package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.intake.store.FieldCipher;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import db.migration.V5__Encrypt_query_codes_and_digest_phones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a database dump or backup would show of a petitioner: no ID number, no phone. */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class PersonalDataAtRestTest {

  @Inject EntityManager entityManager;

  @Inject DataSource dataSource;

  @Test
  void idNumbersAndPhonesAreEncryptedInTheDatabaseAndPlainForTheHandlingUnit() {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> petitioner = Petitions.firstPetitioner(letter);
    String idNumber = (String) petitioner.get("idNumber");
    String phone = (String) petitioner.get("phone");
    String id = Petitions.registered(letter).path("petitionCase.id");
    // the same petitioner about another matter: a second case, not a repeat
    Map<String, Object> another = Petitions.letter();
    another.put("petitioners", List.of(petitioner));
    another.put("category", "0201");
    another.put("content", "单位拖欠工资三个月，劳动监察未处理。");
    Petitions.registered(another);

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
    assertFalse(storedId.contains(idNumber));
    assertFalse(storedPhone.contains(phone), "the phone is stored encrypted");
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
        twice.size() == 2 && twice.stream().allMatch(v -> ((String) v).startsWith("v1:")),
        "the same ID number encrypts differently each time yet shares its digest");

    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("petitioners[0].idNumber", equalTo(idNumber))
        .body("petitioners[0].phone", equalTo(phone));
  }

  @Test
  void rowsWrittenBeforeEncryptionAreEncryptedAndDigestedByTheMigration() throws Exception {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    // as a V3 node left them: query code and phone in plain, no digests (V4's schema, before V5)
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              entityManager
                  .createNativeQuery(
                      "ALTER TABLE petition_case ALTER COLUMN query_code_digest DROP NOT NULL")
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "UPDATE petition_case SET query_code = 'KQ7M9XW4P3', query_code_digest = NULL"
                          + " WHERE id = :id")
                  .setParameter("id", UUID.fromString(id))
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "UPDATE petitioner SET phone = '13900000001', phone_digest = NULL"
                          + " WHERE case_id = :id")
                  .setParameter("id", UUID.fromString(id))
                  .executeUpdate();
            });
    try (var connection = dataSource.getConnection()) {
      connection.setSchema("intake");
      V5__Encrypt_query_codes_and_digest_phones.migrate(connection, FieldCipher.instance());
    }
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        entityManager
                            .createNativeQuery(
                                "SELECT c.query_code, c.query_code_digest, p.phone, p.phone_digest"
                                    + " FROM petition_case c JOIN petitioner p ON p.case_id = c.id"
                                    + " WHERE c.id = :id")
                            .setParameter("id", UUID.fromString(id))
                            .getSingleResult());
    assertTrue(((String) row[0]).startsWith("v1:"), "the query code is encrypted");
    assertEquals(FieldCipher.instance().digest("KQ7M9XW4P3"), row[1]);
    assertTrue(((String) row[2]).startsWith("v1:"), "the phone is encrypted");
    assertEquals(FieldCipher.instance().digest("13900000001"), row[3]);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", "KQ7M9XW4P3"))
        .when()
        .post("/public/case-status")
        .then()
        .statusCode(200);
  }
}
