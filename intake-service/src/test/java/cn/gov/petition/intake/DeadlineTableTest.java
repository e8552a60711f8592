package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.DeadlineRuleEntity;
import cn.gov.petition.intake.store.DeadlineRuleRepository;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadline table is data: served as it is, versioned, and overridden per province. */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class DeadlineTableTest {

  @Inject Deadlines deadlines;
  @Inject DeadlineRuleRepository rules;

  @Test
  void theNationalTableIsServedWithItsSources() {
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/deadline-rules")
        .then()
        .statusCode(200)
        .body("find { it.step == 'HANDLE' && it.jurisdiction == 'CN' }.days", equalTo(60))
        .body("find { it.step == 'OBJECT' }.dayKind", equalTo("WORKING"))
        .body("source", hasItem("《信访工作条例》第三十四条"));
  }

  @Test
  void aProvincesOwnRuleOverridesTheNationalOneThereOnlyAndFromItsDayOnly() {
    Long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  DeadlineRuleEntity zhejiang = new DeadlineRuleEntity();
                  zhejiang.id = 9001L;
                  zhejiang.jurisdiction = "33";
                  zhejiang.step = "ACCEPT";
                  zhejiang.days = 5;
                  zhejiang.dayKind = "WORKING";
                  zhejiang.startsAt = "收到转送、交办";
                  zhejiang.effectiveFrom = LocalDate.parse("2026-10-01");
                  zhejiang.version = "test";
                  zhejiang.source = "test override";
                  rules.persist(zhejiang);
                  return zhejiang.id;
                });
    rules.reload();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                LocalDate friday = LocalDate.parse("2026-10-16");
                // Zhejiang from 10-01: 5 working days after Friday 10-16 is Friday 10-23
                assertEquals(
                    LocalDate.parse("2026-10-23"),
                    deadlines.due(Step.ACCEPT, "330106", friday, friday).dueOn());
                // Yunnan keeps the national 15 calendar days: 10-31, a Saturday, so 11-02
                assertEquals(
                    LocalDate.parse("2026-11-02"),
                    deadlines.due(Step.ACCEPT, "530302", friday, friday).dueOn());
                // before the Zhejiang rule took effect, the national rule applied there too
                assertEquals(
                    LocalDate.parse("2026-09-30"),
                    deadlines
                        .due(
                            Step.ACCEPT,
                            "330106",
                            LocalDate.parse("2026-09-15"),
                            LocalDate.parse("2026-09-15"))
                        .dueOn());
              });
    } finally {
      QuarkusTransaction.requiringNew().run(() -> rules.deleteById(id));
      rules.reload();
    }
  }
}
