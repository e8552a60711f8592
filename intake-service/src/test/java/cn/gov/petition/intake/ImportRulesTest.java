package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.intake.ImportedCase.Actor;
import cn.gov.petition.intake.ImportedCase.ImportedStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: a county's former system exports its cases; each broken one is reported row by row, in
 * Chinese, naming the field and the rule, before anything is imported.
 */
class ImportRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  private static final Actor OFFICE = new Actor("530302:xfj", "张登记");
  private static final Actor BUREAU = new Actor("530302:zjj", "李办理");

  @Test
  void aCaseHandledAndClosedIn2021IsImportable() {
    assertEquals(List.of(), ImportRules.check(closedIn2021(1, "QL-2021-0001"), TODAY));
  }

  @Test
  void stepsOutOfTheProcedureBeforeReceiptOrInTheFutureAreEachReported() {
    ImportedCase acceptedBeforeForwarded =
        withSteps(step(Transition.ACCEPTED, LocalDate.of(2021, 3, 5), BUREAU));
    assertEquals(
        List.of("steps[0].act StepOrder"),
        rules(ImportRules.check(acceptedBeforeForwarded, TODAY)));
    assertTrue(
        ImportRules.check(acceptedBeforeForwarded, TODAY).get(0).message().contains("「受理」不能在"),
        "the report says in Chinese what is wrong");

    ImportedCase beforeReceipt =
        withSteps(
            forwarded(LocalDate.of(2021, 2, 27)),
            step(Transition.ACCEPTED, LocalDate.of(2021, 3, 5), BUREAU));
    assertEquals(
        List.of("steps[0].on NotBeforeReceipt"), rules(ImportRules.check(beforeReceipt, TODAY)));

    ImportedCase backwards =
        withSteps(
            forwarded(LocalDate.of(2021, 3, 10)),
            step(Transition.ACCEPTED, LocalDate.of(2021, 3, 5), BUREAU));
    assertEquals(List.of("steps[1].on InOrder"), rules(ImportRules.check(backwards, TODAY)));

    ImportedCase future =
        withSteps(
            forwarded(LocalDate.of(2021, 3, 2)),
            step(Transition.ACCEPTED, TODAY.plusDays(1), BUREAU));
    assertEquals(List.of("steps[1].on NotInFuture"), rules(ImportRules.check(future, TODAY)));
  }

  @Test
  void whatEachKindOfStepMustRecordIsChecked() {
    ImportedCase incomplete =
        withSteps(
            new ImportedStep(
                Transition.FORWARDED,
                LocalDate.of(2021, 3, 2),
                OFFICE,
                "530302:nobody",
                null,
                null,
                null,
                null),
            step(Transition.ACCEPTED, LocalDate.of(2021, 3, 5), BUREAU),
            new ImportedStep(
                Transition.EXTENDED, LocalDate.of(2021, 4, 1), BUREAU, null, 45, null, " ", null),
            new ImportedStep(
                Transition.OPINION_ISSUED,
                LocalDate.of(2021, 5, 1),
                new Actor("999999:zjj", "王"),
                null,
                null,
                "MAYBE",
                "意见",
                null));
    assertEquals(
        List.of(
            "steps[0].toUnit KnownUnit",
            "steps[2].days Range",
            "steps[2].text Required",
            "steps[3].by.unit KnownUnit",
            "steps[3].outcome OneOf"),
        rules(ImportRules.check(incomplete, TODAY)));
  }

  @Test
  void aReferralNamesItsChannelAndAClosureItsChecklist() {
    ImportedCase referred =
        withSteps(
            forwarded(LocalDate.of(2021, 3, 2)),
            new ImportedStep(
                Transition.REFERRED,
                LocalDate.of(2021, 3, 4),
                BUREAU,
                null,
                null,
                "COURT",
                "请向人民法院起诉",
                null));
    assertEquals(List.of("steps[1].outcome OneOf"), rules(ImportRules.check(referred, TODAY)));
    ImportedCase closedBare =
        withSteps(
            forwarded(LocalDate.of(2021, 3, 2)),
            step(Transition.ACCEPTED, LocalDate.of(2021, 3, 5), BUREAU),
            new ImportedStep(
                Transition.OPINION_ISSUED,
                LocalDate.of(2021, 4, 1),
                BUREAU,
                null,
                null,
                "EXPLAINED",
                "已解释",
                null),
            new ImportedStep(
                Transition.CLOSED,
                LocalDate.of(2021, 4, 2),
                BUREAU,
                null,
                null,
                null,
                "已办结",
                new Acts.Checklist(" ", null, null, null)));
    assertEquals(
        List.of("steps[3].checklist ThreeInPlaceOneDealt"),
        rules(ImportRules.check(closedBare, TODAY)));
  }

  @Test
  void theRegistrationRulesAndThePlatformsOwnActsAreKept() {
    Petition anonymousAppeal = heatingLetter(true);
    ImportedCase broken =
        new ImportedCase(
            7,
            "QL-2021-0007",
            anonymousAppeal,
            OFFICE,
            List.of(step(Transition.DEADLINES_RECOMPUTED, LocalDate.of(2021, 3, 2), OFFICE)),
            Map.of());
    List<String> rules = rules(ImportRules.check(broken, TODAY));
    assertTrue(
        rules.contains("registration.anonymous anonymousOnlyForAccusationsAndSuggestions"),
        rules::toString);
    assertTrue(rules.contains("steps[0].act Importable"), rules::toString);
  }

  @Test
  void aFormerCaseNumberTwiceInOneFileIsReportedOnTheSecondLine() {
    Map<Integer, List<FieldError>> report =
        ImportRules.checkAll(
            List.of(
                closedIn2021(1, "QL-2021-0001"),
                closedIn2021(2, "QL-2021-0002"),
                closedIn2021(3, "QL-2021-0001")),
            TODAY);
    assertEquals(List.of(3), List.copyOf(report.keySet()));
    assertEquals("原系统案件编号与第 1 行重复", report.get(3).get(0).message());
  }

  private static ImportedCase closedIn2021(int line, String number) {
    return new ImportedCase(
        line,
        number,
        heatingLetter(),
        OFFICE,
        List.of(
            forwarded(LocalDate.of(2021, 3, 2)),
            step(Transition.ACCEPTED, LocalDate.of(2021, 3, 5), BUREAU),
            new ImportedStep(
                Transition.EXTENDED,
                LocalDate.of(2021, 4, 20),
                BUREAU,
                null,
                30,
                null,
                "需现场核查",
                null),
            new ImportedStep(
                Transition.OPINION_ISSUED,
                LocalDate.of(2021, 5, 28),
                BUREAU,
                null,
                null,
                "SUPPORTED",
                "限期整改供暖",
                null),
            new ImportedStep(
                Transition.EVALUATED,
                LocalDate.of(2021, 6, 3),
                OFFICE,
                null,
                null,
                "SATISFIED",
                null,
                null),
            new ImportedStep(
                Transition.CLOSED,
                LocalDate.of(2021, 7, 1),
                BUREAU,
                null,
                null,
                null,
                null,
                new Acts.Checklist("管网已更换", null, null, null))),
        Map.of());
  }

  private static ImportedCase withSteps(ImportedStep... steps) {
    return new ImportedCase(1, "QL-2021-0001", heatingLetter(), OFFICE, List.of(steps), Map.of());
  }

  private static Petition heatingLetter() {
    return heatingLetter(false);
  }

  /** A letter about the heating, anonymous (naming nobody) or from one petitioner. */
  private static Petition heatingLetter(boolean anonymous) {
    return new Petition(
        Channel.LETTER,
        null,
        null,
        LocalDate.of(2021, 3, 1),
        "530302001",
        PetitionClass.APPEAL,
        Purpose.SEEK_SOLUTION,
        "0105",
        "小区供暖长期不达标",
        1,
        null,
        anonymous,
        false,
        null,
        anonymous
            ? List.of()
            : List.of(
                new Petition.Petitioner(
                    PartyKind.PERSON, "赵信访", null, null, null, "麒麟区南宁街道1号", "530302001", false)),
        List.of());
  }

  private static ImportedStep forwarded(LocalDate on) {
    return new ImportedStep(Transition.FORWARDED, on, OFFICE, "530302:zjj", null, null, null, null);
  }

  private static ImportedStep step(Transition act, LocalDate on, Actor by) {
    return new ImportedStep(act, on, by, null, null, null, null, null);
  }

  private static List<String> rules(List<FieldError> errors) {
    List<String> rules = new ArrayList<>();
    errors.forEach(e -> rules.add(e.field() + " " + e.rule()));
    return rules;
  }
}
