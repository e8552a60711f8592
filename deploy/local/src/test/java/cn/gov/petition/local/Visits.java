package cn.gov.petition.local;

import cn.gov.petition.infra.Identities;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Petitions the end-to-end tests register, and how many the statistics count. */
final class Visits {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Visits() {}

  /** The cases registered today about a region, as the statistics count them. */
  static long countedToday(String gatewayUrl, String token, String region) {
    LocalDate today = LocalDate.now(CHINA);
    return counted(gatewayUrl, token, region, today, today);
  }

  /** The cases received from {@code from} to {@code to} about a region, as the statistics count. */
  static long counted(
      String gatewayUrl, String token, String region, LocalDate from, LocalDate to) {
    return io.restassured.RestAssured.given()
        .baseUri(gatewayUrl)
        .auth()
        .oauth2(token)
        .queryParam("region", region)
        .queryParam("from", from.toString())
        .queryParam("to", to.toString())
        .when()
        .get("/api/analytics/statistics/volume")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("cases");
  }

  /** The case once routing has given it a unit, as its registrar reads it (within a minute). */
  static io.restassured.response.Response awaitRouted(
      String gatewayUrl, String token, String caseId) {
    return org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                io.restassured.RestAssured.given()
                    .baseUri(gatewayUrl)
                    .auth()
                    .oauth2(token)
                    .get("/api/intake/cases/" + caseId),
            r -> r.statusCode() == 200 && r.path("handlingUnit.name") != null);
  }

  /**
   * A visit of today about unpaid wages (0201) from a petitioner not seen before, so that it is no
   * repeat of another test's.
   */
  static Map<String, Object> visit(String township, String content) {
    int serial = Identities.nextSerial();
    return Map.of(
        "channel",
        "VISIT",
        "receivedOn",
        LocalDate.now(CHINA).toString(),
        "matterRegionCode",
        township,
        "petitionClass",
        "APPEAL",
        "purpose",
        "SEEK_SOLUTION",
        "category",
        "0201",
        "content",
        content,
        "personCount",
        1,
        "petitioners",
        List.of(
            Map.of(
                "name",
                "王五",
                "idNumber",
                Identities.residentId("530302", serial),
                "phone",
                Identities.mobile(serial))));
  }
}
