package cn.gov.petition.supervision;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lifecycle events intake-service would publish, built as the real {@link CaseProgressed} and
 * sent to the real broker, for the supervision tests. Defaults: an appeal by letter about 0105 in
 * 麒麟区, handled by 麒麟区人社局, on 2026-12-01.
 */
final class CaseEvents {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final KafkaProbe KAFKA =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private CaseEvents() {}

  /** One transition of the case, to be described and sent. */
  static Progress progress(String caseId, String transition) {
    return new Progress(caseId, transition);
  }

  /** A builder of one {@code case.progressed} event. */
  static final class Progress {
    private final String caseId;
    private final String transition;
    private String caseNumber = "530302-20261201-00007";
    private String status = "X";
    private String petitionClass = "APPEAL";
    private String category = "0105";
    private String matterRegionCode = "530302001";
    private String unitCode = "530302:rsj";
    private String mode = "FORWARD";
    private String outcome;
    private LocalDate on = LocalDate.parse("2026-12-01");
    private final List<CaseProgressed.ClosedStep> closed = new ArrayList<>();
    private final List<CaseProgressed.OpenedStep> opened = new ArrayList<>();
    private final List<CaseProgressed.ClosedStep> corrected = new ArrayList<>();

    private Progress(String caseId, String transition) {
      this.caseId = caseId;
      this.transition = transition;
    }

    Progress number(String caseNumber) {
      this.caseNumber = caseNumber;
      return this;
    }

    Progress status(String status) {
      this.status = status;
      return this;
    }

    Progress petitionClass(String petitionClass) {
      this.petitionClass = petitionClass;
      return this;
    }

    Progress category(String category) {
      this.category = category;
      return this;
    }

    Progress matter(String regionCode) {
      this.matterRegionCode = regionCode;
      return this;
    }

    /** The unit responsible after the transition; the steps opened after this are owed by it. */
    Progress unit(String unitCode) {
      this.unitCode = unitCode;
      return this;
    }

    Progress mode(String mode) {
      this.mode = mode;
      return this;
    }

    Progress outcome(String outcome) {
      this.outcome = outcome;
      return this;
    }

    /** The day of the transition: it closes and starts the steps. */
    Progress on(String day) {
      this.on = LocalDate.parse(day);
      return this;
    }

    Progress opens(Step step, String dueOn) {
      opened.add(
          new CaseProgressed.OpenedStep(
              step, unitCode, regionOf(unitCode), on, LocalDate.parse(dueOn)));
      return this;
    }

    /** Opens (or re-dates) a step with the calendar version it was counted with. */
    Progress opens(Step step, String dueOn, int calendarVersion, boolean provisional) {
      opened.add(
          new CaseProgressed.OpenedStep(
              step,
              unitCode,
              regionOf(unitCode),
              on,
              LocalDate.parse(dueOn),
              calendarVersion,
              provisional,
              null));
      return this;
    }

    /** A done step a new calendar version gave a new due date, and so a new verdict. */
    Progress corrects(Step step, String previousDueOn, String dueOn, String doneOn) {
      LocalDate due = LocalDate.parse(dueOn);
      LocalDate done = LocalDate.parse(doneOn);
      corrected.add(
          new CaseProgressed.ClosedStep(
              step, due, done, !done.isAfter(due), LocalDate.parse(previousDueOn)));
      return this;
    }

    /** Opens a 协办 step owed by an assisting unit, not the unit responsible. */
    Progress asks(String assistingUnit, String dueOn) {
      opened.add(
          new CaseProgressed.OpenedStep(
              Step.ASSIST, assistingUnit, regionOf(assistingUnit), on, LocalDate.parse(dueOn)));
      return this;
    }

    /** Closes an assisting unit's 协办 step on the transition's day. */
    Progress hears(String assistingUnit, String dueOn) {
      LocalDate due = LocalDate.parse(dueOn);
      closed.add(
          new CaseProgressed.ClosedStep(
              Step.ASSIST, due, on, !on.isAfter(due), null, null, assistingUnit));
      return this;
    }

    /** Closes a step on the transition's day, on time when that is not after its due date. */
    Progress closes(Step step, String dueOn) {
      LocalDate due = LocalDate.parse(dueOn);
      closed.add(new CaseProgressed.ClosedStep(step, due, on, !on.isAfter(due)));
      return this;
    }

    String json() {
      try {
        return JSON.writeValueAsString(
            new CaseProgressed(
                caseId,
                caseNumber,
                transition,
                status,
                petitionClass,
                "LETTER",
                category,
                matterRegionCode,
                unitCode,
                regionOf(unitCode),
                mode,
                outcome,
                on,
                on.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                closed,
                opened,
                null,
                corrected));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Sends it as a new event. */
    void send() {
      send(UUID.randomUUID().toString());
    }

    /** Sends it with the given event id (the same id again is a redelivery). */
    void send(String eventId) {
      KAFKA.send(
          Topics.CASE_EVENTS,
          caseId,
          KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.case.progressed", caseNumber),
          json());
    }

    private static String regionOf(String unitCode) {
      return unitCode.substring(0, unitCode.indexOf(':'));
    }
  }
}
