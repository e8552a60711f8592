package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.intake.store.ContentIndex;
import cn.gov.petition.intake.store.PetitionerEntity;
import cn.gov.petition.intake.store.SealedColumns;
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

/**
 * What a database dump or backup would show of a case: no name, ID number, phone or address, no
 * content, nothing of the text of its handling; and how a key rotation re-seals all of it.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class PersonalDataAtRestTest {

  /** What every value sealed under the node's (test) key starts with: {@code v2:<key id>:}. */
  private static final String SEALED = FieldCipher.instance().currentPrefix();

  /** Another 32-byte key, for the rotation. */
  private static final String NEXT_KEY = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=";

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
    assertTrue(storedId.startsWith(SEALED), "the ID number is stored encrypted");
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
        twice.size() == 2 && twice.stream().allMatch(v -> ((String) v).startsWith(SEALED)),
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
    assertTrue(((String) row[0]).startsWith(SEALED), "the query code is encrypted");
    assertEquals(FieldCipher.instance().digest("KQ7M9XW4P3"), row[1]);
    assertTrue(((String) row[2]).startsWith(SEALED), "the phone is encrypted");
    assertEquals(FieldCipher.instance().digest("13900000001"), row[3]);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", "KQ7M9XW4P3"))
        .when()
        .post("/public/case-status")
        .then()
        .statusCode(200);
  }

  @Test
  void namesAddressesContentAndTheTextOfHandlingAreSealedAndPlainForTheHandlingUnit() {
    Map<String, Object> accusation = Petitions.accusation();
    accusation.put("origin", "AGENT");
    accusation.put("intermediary", Map.of("name", "王代办", "post", "信访代办员"));
    Map<String, Object> petitioner = Petitions.firstPetitioner(accusation);
    String id = Petitions.registered(accusation).path("petitionCase.id");

    List<String> stored = storedText(id);
    for (String plain :
        List.of(
            (String) petitioner.get("name"),
            (String) petitioner.get("address"),
            (String) accusation.get("content"),
            "李四",
            "王代办")) {
      assertTrue(
          stored.stream().noneMatch(v -> v != null && v.contains(plain)),
          plain + " is nowhere in the database in plain");
    }
    assertTrue(
        stored.stream().allMatch(v -> v == null || v.startsWith(SEALED)),
        "every name, address, content and transition detail is sealed: " + stored.size());

    Petitions.read(id)
        .body("content", equalTo(accusation.get("content")))
        .body("petitioners[0].name", equalTo(petitioner.get("name")))
        .body("petitioners[0].address", equalTo(petitioner.get("address")))
        .body("accused[0].name", equalTo("李四"));
  }

  @Test
  void aKeyRotationReadsTheOldKeyAndResealsEveryRowUnderTheNewOne() throws Exception {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> petitioner = Petitions.firstPetitioner(letter);
    String id = Petitions.registered(letter).path("petitionCase.id");
    String oldKey =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("petition.crypto.field-key", String.class);
    FieldCipher rotated = FieldCipher.of(NEXT_KEY, oldKey);
    FieldCipher newKeyOnly = FieldCipher.of(NEXT_KEY);
    try (var connection = dataSource.getConnection()) {
      connection.setSchema("intake");
      assertTrue(
          SealedColumns.remaining(connection, rotated).values().stream().mapToLong(n -> n).sum()
              > 0,
          "before: rows under the old key");
      try {
        while (SealedColumns.reseal(connection, rotated, 1000) > 0) {}
        ContentIndex.indexAll(connection, rotated);
        assertEquals(
            Map.of(
                "petition_case",
                0L,
                "petitioner",
                0L,
                "accused",
                0L,
                "case_transition",
                0L,
                "import_record",
                0L,
                "sms_outbox",
                0L,
                "attachment",
                0L,
                "online_submission",
                0L),
            SealedColumns.remaining(connection, rotated));

        List<String> stored = storedText(id);
        assertTrue(
            stored.stream().allMatch(v -> v == null || v.startsWith(rotated.currentPrefix())),
            "every value of the case is under the new key");
        String content =
            stored.stream()
                .filter(v -> v != null && newKeyOnly.decrypt(v).equals(letter.get("content")))
                .findFirst()
                .orElse(null);
        assertTrue(content != null, "the new key alone opens the content");
        assertThrows(
            IllegalStateException.class,
            () -> FieldCipher.of(oldKey).decrypt(content),
            "the old key no longer opens it");
        String nameAtAddress = petitioner.get("name") + "|" + petitioner.get("address");
        assertEquals(
            newKeyOnly.digest(nameAtAddress),
            nativeString("SELECT name_address_digest FROM petitioner WHERE case_id = :id", id),
            "the digests are made again under the new key");
        assertEquals(
            newKeyOnly.digest((String) petitioner.get("idNumber")),
            nativeString("SELECT id_number_digest FROM petitioner WHERE case_id = :id", id));
        assertEquals(
            rotated.currentKeyId(),
            nativeString("SELECT key_id FROM case_terms WHERE case_id = :id", id),
            "the content's word index is made again under the new key");
        assertEquals(
            nativeString("SELECT content FROM petition_case WHERE id = :id", id),
            nativeString("SELECT content FROM case_terms WHERE case_id = :id", id),
            "the index's copy of the sealed content follows the case's");
      } finally {
        // back under the node's key, for the tests after this one
        FieldCipher back = FieldCipher.of(oldKey, NEXT_KEY);
        while (SealedColumns.reseal(connection, back, 1000) > 0) {}
        ContentIndex.indexAll(connection, back);
      }
    }
  }

  @Test
  void aNameDigestMissingFromAnOlderVersionIsMadeByTheResealingPass() throws Exception {
    Map<String, Object> letter = Petitions.letter();
    String id = Petitions.registered(letter).path("petitionCase.id");
    String expected =
        FieldCipher.instance()
            .digest(
                PetitionerEntity.nameKey((String) Petitions.firstPetitioner(letter).get("name")));
    assertEquals(
        expected, nativeString("SELECT name_digest FROM petitioner WHERE case_id = :id", id));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE petitioner SET name_digest = NULL WHERE case_id = :id")
                    .setParameter("id", UUID.fromString(id))
                    .executeUpdate());
    try (var connection = dataSource.getConnection()) {
      connection.setSchema("intake");
      assertTrue(
          SealedColumns.remaining(connection, FieldCipher.instance()).get("petitioner") > 0,
          "the row without its digest is left to do");
      while (SealedColumns.reseal(connection, FieldCipher.instance(), 1000) > 0) {}
    }
    assertEquals(
        expected, nativeString("SELECT name_digest FROM petitioner WHERE case_id = :id", id));
  }

  @Test
  void valuesWrittenBeforeTheyWereSealedAreSealedByTheBackgroundJob() throws Exception {
    Map<String, Object> letter = Petitions.letter();
    String id = Petitions.registered(letter).path("petitionCase.id");
    // as a node before V12 left them: name, address, content and details in plain
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              entityManager
                  .createNativeQuery(
                      "UPDATE petition_case SET content = 'V12 之前的明文内容' WHERE id = :id")
                  .setParameter("id", UUID.fromString(id))
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "UPDATE petitioner SET name = '赵六', address = '明文地址1号',"
                          + " name_address_digest = NULL WHERE case_id = :id")
                  .setParameter("id", UUID.fromString(id))
                  .executeUpdate();
              entityManager
                  .createNativeQuery(
                      "UPDATE case_transition SET details = '{\"note\": \"明文\"}'"
                          + " WHERE case_id = :id")
                  .setParameter("id", UUID.fromString(id))
                  .executeUpdate();
            });
    try (var connection = dataSource.getConnection()) {
      connection.setSchema("intake");
      while (SealedColumns.reseal(connection, FieldCipher.instance(), 1000) > 0) {}
    }
    List<String> stored = storedText(id);
    assertTrue(stored.stream().allMatch(v -> v == null || v.startsWith(SEALED)), "all sealed");
    assertEquals(
        FieldCipher.instance().digest("赵六|明文地址1号"),
        nativeString("SELECT name_address_digest FROM petitioner WHERE case_id = :id", id));
    Petitions.read(id)
        .body("content", equalTo("V12 之前的明文内容"))
        .body("petitioners[0].name", equalTo("赵六"));
  }

  /** Every sealed column of the case as stored: its content, parties and transitions. */
  @SuppressWarnings("unchecked")
  private List<String> storedText(String caseId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (List<String>)
                    entityManager
                        .createNativeQuery(
                            "SELECT content FROM petition_case WHERE id = :id"
                                + " UNION ALL SELECT intermediary_name FROM petition_case WHERE id = :id"
                                + " UNION ALL SELECT name FROM petitioner WHERE case_id = :id"
                                + " UNION ALL SELECT address FROM petitioner WHERE case_id = :id"
                                + " UNION ALL SELECT name FROM accused WHERE case_id = :id"
                                + " UNION ALL SELECT details FROM case_transition WHERE case_id = :id")
                        .setParameter("id", UUID.fromString(caseId))
                        .getResultList());
  }

  private String nativeString(String sql, String caseId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    entityManager
                        .createNativeQuery(sql)
                        .setParameter("id", UUID.fromString(caseId))
                        .getSingleResult());
  }
}
