package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * 附件 (issue 29), against the real S3-compatible object store the tests start: a letter scan is kept
 * sealed, read whole by the handling unit with each reading recorded, refused to another county and
 * to a supervisor who may not see the petitioners; what is not what it claims (HTML or SVG called a
 * photo, a PNG declared a JPEG), empty or too large is refused with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ObjectStoreResource.class, restrictToAnnotatedClass = false)
class AttachmentsTest {

  private static final String REGISTRAR = TestTokens.qilinRegistrar();
  private static final String HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String NEIGHBOUR =
      TestTokens.token("zhanyi-housing", "530303:zjj", "530303", "handler");
  private static final String CITY =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");

  private static final byte[] SCAN =
      ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% 来信：小区供暖不达标\n%%EOF\n")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @Test
  void aLetterScanIsKeptSealedReadByTheUnitAndRefusedToOthers() {
    String id = routedToTheHousingBureau();
    String attachment =
        upload(REGISTRAR, id, "LETTER_SCAN", "张三来信.pdf", "application/pdf", SCAN)
            .statusCode(201)
            .body("contentType", equalTo("application/pdf"))
            .body("size", equalTo(SCAN.length))
            .body("label", equalTo("来信扫描件"))
            .extract()
            .path("id");

    // in the store, sealed: not a byte of the letter readable there
    try (S3Client s3 = ObjectStoreResource.client()) {
      List<S3Object> kept =
          s3.listObjectsV2(b -> b.bucket(ObjectStoreResource.bucket()).prefix(id + "/")).contents();
      assertEquals(1, kept.size(), kept.toString());
      byte[] stored =
          s3.getObjectAsBytes(b -> b.bucket(ObjectStoreResource.bucket()).key(kept.get(0).key()))
              .asByteArray();
      assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"), "sealed");
    }

    // the handling unit reads it whole, as a download that no browser opens inline
    byte[] read =
        given()
            .auth()
            .oauth2(HOUSING)
            .get("/cases/" + id + "/attachments/" + attachment)
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .header("Content-Disposition", startsWith("attachment;"))
            .header("X-Content-Type-Options", "nosniff")
            .extract()
            .asByteArray();
    assertArrayEquals(SCAN, read);

    // another county neither sees the case nor its attachment; the city's supervisor sees that
    // there is one, not whose, and may not read it
    given().auth().oauth2(NEIGHBOUR).get("/cases/" + id + "/attachments").then().statusCode(404);
    given()
        .auth()
        .oauth2(NEIGHBOUR)
        .get("/cases/" + id + "/attachments/" + attachment)
        .then()
        .statusCode(404);
    list(CITY, id).body("[0].kind", equalTo("LETTER_SCAN")).body("[0].fileName", nullValue());
    given()
        .auth()
        .oauth2(CITY)
        .get("/cases/" + id + "/attachments/" + attachment)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    // each reading is recorded: one, the unit's
    list(REGISTRAR, id).body("[0].fileName", equalTo("张三来信.pdf")).body("[0].reads", equalTo(1));
  }

  @Test
  void whatIsNotWhatItClaimsEmptyOrTooLargeIsRefusedAndNothingIsStored() {
    String id = routedToTheHousingBureau();
    byte[] html =
        "<html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>"
            .getBytes(StandardCharsets.UTF_8);
    refused(upload(HOUSING, id, "PHOTO", "photo.jpg", "image/jpeg", html), "file", "ContentType");
    refused(upload(HOUSING, id, "PHOTO", "photo.png", "image/png", svg), "file", "ContentType");
    refused(upload(HOUSING, id, "PHOTO", "photo.jpg", "image/jpeg", PNG), "file", "DeclaredType");
    refused(upload(HOUSING, id, "AUDIO", "call.mp3", "audio/mpeg", PNG), "file", "ContentType");
    refused(
        upload(HOUSING, id, "PHOTO", "empty.png", "image/png", new byte[0]), "file", "NotEmpty");
    byte[] large = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(PNG, 0, large, 0, PNG.length);
    refused(upload(HOUSING, id, "PHOTO", "large.png", "image/png", large), "file", "Size");
    upload(HOUSING, id, "VIDEO", "photo.png", "image/png", PNG)
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    // a unit that is not the case's cannot attach to it
    upload(NEIGHBOUR, id, "PHOTO", "photo.png", "image/png", PNG).statusCode(404);

    list(HOUSING, id).body("size()", equalTo(0));
    assertEquals(0, ObjectStoreResource.storedFor(id), "nothing reached the store");
    // and a photo that is one is kept
    upload(HOUSING, id, "PHOTO", "现场照片.png", "image/png", PNG)
        .statusCode(201)
        .body("contentType", equalTo("image/png"));
  }

  private static void refused(ValidatableResponse response, String field, String rule) {
    response
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].rule", equalTo(rule));
  }

  static ValidatableResponse upload(
      String token, String id, String kind, String name, String type, byte[] content) {
    return given()
        .auth()
        .oauth2(token)
        // the type as a browser sends a file's, without a charset (REST Assured adds one by
        // default)
        .config(
            io.restassured.RestAssured.config()
                .encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .queryParam("kind", kind)
        .contentType(type)
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
        .body(content)
        .post("/cases/" + id + "/attachments")
        .then()
        .log()
        .ifValidationFails();
  }

  private static ValidatableResponse list(String token, String id) {
    return given().auth().oauth2(token).get("/cases/" + id + "/attachments").then().statusCode(200);
  }

  private static String routedToTheHousingBureau() {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    Decisions.forwarded(id, "530302:zjj", "麒麟区住房和城乡建设局");
    return id;
  }
}
