package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 重复信访 found the same however the petitions come (issue 32: "repeat detection finds what it found
 * before"): one fixed set of petitions, a case of every kind the rule tells apart, registered one
 * call at a time and, with new people, in one batch (where a petition may repeat one registered
 * earlier in the same transaction). Each answer must be what the rule says, and the two runs must
 * answer alike, down to how the petitioner was recognised and how alike the words were.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RepeatDetectionEquivalenceTest {

  private static final String MATTER = "小区供暖长期不达标，多次反映未解决。";
  private static final String SAME_MATTER_AGAIN = "小区供暖一直不达标，已经多次反映，至今未解决。";

  /** What the rule says of each petition of {@link #petitions}, in order. */
  private static final List<String> EXPECTED =
      List.of(
          "201 REGISTERED",
          "200 LINKED_TO_OPEN_CASE of #0, by ID_NUMBER",
          "200 LINKED_TO_OPEN_CASE of #0, by PHONE",
          "201 REGISTERED",
          "200 LINKED_TO_OPEN_CASE of #3, by NAME_AND_ADDRESS",
          "201 REGISTERED",
          "201 REGISTERED",
          "201 REGISTERED of #0, by ID_NUMBER",
          "201 NOT_ACCEPTED_AGAIN of the terminated case, by ID_NUMBER",
          "201 NOT_ACCEPTED_AGAIN of the terminated case, by ID_NUMBER",
          // the newest case in the procedure: the one new facts opened
          "200 LINKED_TO_OPEN_CASE of #7, by ID_NUMBER");

  @Inject EntityManager entityManager;

  @Test
  void oneByOneAndInOneBatchTheSamePetitionsAreFoundTheSameRepeats() {
    Run single = new Run();
    List<String> oneByOne = new ArrayList<>();
    List<Map<String, Object>> petitions = single.petitions();
    for (Map<String, Object> petition : petitions) {
      Response response =
          given()
              .auth()
              .oauth2(TestTokens.qilinRegistrar())
              .contentType(ContentType.JSON)
              .body(petition)
              .when()
              .post("/cases");
      oneByOne.add(single.answer(response.statusCode(), response.jsonPath(), ""));
    }

    Run batched = new Run();
    JsonPath batch =
        given()
            .auth()
            .oauth2(TestTokens.qilinRegistrar())
            .contentType(ContentType.JSON)
            .body(Map.of("petitions", batched.petitions()))
            .when()
            .post("/cases/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> inOneBatch = new ArrayList<>();
    for (int i = 0; i < petitions.size(); i++) {
      inOneBatch.add(
          batched.answer(
              batch.getInt("results[" + i + "].status"),
              batch,
              "results[" + i + "].registration."));
    }

    List<String> rule = new ArrayList<>();
    oneByOne.forEach(answer -> rule.add(answer.replaceFirst(" \\(alike [0-9.]+\\)$", "")));
    assertEquals(EXPECTED, rule, "one call at a time");
    assertEquals(oneByOne, inOneBatch, "in one batch, as one call at a time");
  }

  /**
   * One run's people (petitioner A, B with neither ID number nor phone, E whose earlier case was
   * terminated, C who petitions with A) and its petitions; the cases it registers are named by
   * their place in the run.
   */
  private final class Run {
    private final Map<String, Object> a = Petitions.letter();
    private final Map<String, Object> b = Petitions.letter();
    private final Map<String, Object> e = Petitions.letter();
    private final String terminatedNumber;
    private final Map<String, String> names = new HashMap<>();
    private int registered;

    Run() {
      Petitions.firstPetitioner(b).remove("idNumber");
      Petitions.firstPetitioner(b).remove("phone");
      var earlier = Petitions.registered(e);
      terminatedNumber = earlier.path("petitionCase.caseNumber");
      String terminatedId = earlier.path("petitionCase.id");
      RepeatPetitionTest.terminate(entityManager, terminatedId);
      names.put(terminatedNumber, "the terminated case");
    }

    List<Map<String, Object>> petitions() {
      Map<String, Object> byPhone = with(a, "content", SAME_MATTER_AGAIN);
      Map<String, Object> phoneOnly = new HashMap<>(Petitions.firstPetitioner(a));
      phoneOnly.remove("idNumber");
      byPhone.put("petitioners", List.of(phoneOnly));
      Map<String, Object> otherMatter = with(a, "content", "单位拖欠工资三个月，劳动监察大队未处理。");
      otherMatter.put("category", "0201");
      Map<String, Object> withC = with(Petitions.letter(), "content", MATTER);
      List<Object> both = new ArrayList<>((List<?>) withC.get("petitioners"));
      both.add(Petitions.firstPetitioner(a));
      withC.put("petitioners", both);
      withC.put("personCount", 2);
      return List.of(
          a,
          with(a, "channel", "PHONE"),
          byPhone,
          b,
          with(b, "content", SAME_MATTER_AGAIN),
          otherMatter,
          with(a, "matterRegionCode", "530303"),
          with(a, "newFactsOrReasons", "2026年11月更换供暖公司后温度仍只有12度，有新的检测报告。"),
          with(e, "content", SAME_MATTER_AGAIN),
          e,
          withC);
    }

    /** An answer in the rule's words; {@code at} is where the registration lies in the body. */
    String answer(int status, JsonPath body, String at) {
      String caseNumber = body.getString(at + "petitionCase.caseNumber");
      if (caseNumber != null && !names.containsKey(caseNumber)) {
        names.put(caseNumber, "#" + registered);
      }
      registered++; // a linked petition opens no case, and keeps its place in the run
      String repeatOf = body.getString(at + "repeatOf.caseNumber");
      String answer = status + " " + body.getString(at + "outcome");
      if (repeatOf != null) {
        answer +=
            " of "
                + names.getOrDefault(repeatOf, repeatOf)
                + ", by "
                + body.getString(at + "repeatOf.matchedOn")
                + " (alike "
                + body.getString(at + "repeatOf.similarity")
                + ")";
      }
      return answer;
    }
  }

  private static Map<String, Object> with(
      Map<String, Object> petition, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(petition);
    changed.put(field, value);
    return changed;
  }
}
