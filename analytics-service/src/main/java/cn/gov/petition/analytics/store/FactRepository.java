package cn.gov.petition.analytics.store;

import cn.gov.petition.common.events.CaseProgressed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts the rates count (V2 migration): every step a unit owed and every petition that reached
 * an office. Written with upserts, so no entity is needed; the inbox applies each event once.
 */
@ApplicationScoped
public class FactRepository {

  private final EntityManager em;

  public FactRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * A petition that reached an office: a registration (first or repeat) or the same petitioner
   * again about an open case.
   *
   * @param purpose null where the event does not say (a repeat receipt)
   * @param persons null where the event does not say (a repeat receipt)
   * @param collective 集体访/联名信, null for a repeat receipt
   * @param registeringRegion the region of the registering office, null for a repeat receipt
   * @param linkedTo the case whose chain of petitions this one joins (the earlier case of a repeat
   *     registration, the case itself for a repeat receipt), null for a first petition
   */
  public record Petition(
      UUID caseId,
      String caseNumber,
      LocalDate day,
      String matterRegionCode,
      boolean repeat,
      String channel,
      String category,
      String petitionClass,
      String purpose,
      Integer persons,
      Boolean collective,
      String registeringRegion,
      UUID linkedTo) {}

  public void petition(Petition p) {
    em.createNativeQuery(
            "INSERT INTO petition_fact (case_id, case_number, day, matter_region_code, repeat,"
                + " channel, category, petition_class, purpose, person_count, collective,"
                + " registering_region, chain_id) VALUES (:case, :number, :day, :region, :repeat,"
                + " :channel, :category, :class, :purpose, :persons, :collective, :registering,"
                + " COALESCE((SELECT chain_id FROM petition_fact WHERE case_id = :linked LIMIT 1),"
                + " :linked))")
        .setParameter("case", p.caseId())
        .setParameter("number", p.caseNumber())
        .setParameter("day", p.day())
        .setParameter("region", p.matterRegionCode())
        .setParameter("repeat", p.repeat())
        .setParameter("channel", p.channel())
        .setParameter("category", p.category())
        .setParameter("class", p.petitionClass())
        .setParameter("purpose", p.purpose())
        .setParameter("persons", p.persons())
        .setParameter("collective", p.collective())
        .setParameter("registering", p.registeringRegion())
        .setParameter("linked", p.linkedTo() == null ? p.caseId() : p.linkedTo())
        .executeUpdate();
  }

  /** A backlog entry listed, or crossed off (销号) on {@code crossedOffOn}. */
  public void backlog(
      UUID backlogId,
      UUID caseId,
      String caseNumber,
      String unitRegionCode,
      LocalDate listedOn,
      LocalDate crossedOffOn) {
    em.createNativeQuery(
            "INSERT INTO backlog_fact (backlog_id, case_id, case_number, unit_region_code,"
                + " listed_on, crossed_off_on) VALUES (:id, :case, :number, :region, :listed,"
                + " :crossed) ON CONFLICT (backlog_id) DO UPDATE SET"
                + " crossed_off_on = COALESCE(EXCLUDED.crossed_off_on, backlog_fact.crossed_off_on)")
        .setParameter("id", backlogId)
        .setParameter("case", caseId)
        .setParameter("number", caseNumber)
        .setParameter("region", unitRegionCode)
        .setParameter("listed", listedOn)
        .setParameter("crossed", crossedOffOn)
        .executeUpdate();
  }

  /** 越级: the case's registrations were made more than one level above the authority. */
  public void escalated(UUID caseId) {
    em.createNativeQuery(
            "UPDATE petition_fact SET escalated = true WHERE case_id = :case"
                + " AND registering_region IS NOT NULL AND NOT escalated")
        .setParameter("case", caseId)
        .executeUpdate();
  }

  /** A step started, or given a new due date while open (an extension). */
  public void opened(UUID caseId, String caseNumber, CaseProgressed.OpenedStep step) {
    em.createNativeQuery(
            "INSERT INTO step_fact (case_id, case_number, step, unit_code, unit_region_code,"
                + " started_on, due_on) VALUES (:case, :number, :step, :unit, :region, :started,"
                + " :due) ON CONFLICT (case_id, step) WHERE done_on IS NULL DO UPDATE SET"
                + " unit_code = EXCLUDED.unit_code, unit_region_code = EXCLUDED.unit_region_code,"
                + " due_on = EXCLUDED.due_on")
        .setParameter("case", caseId)
        .setParameter("number", caseNumber)
        .setParameter("step", step.step().name())
        .setParameter("unit", step.unitCode())
        .setParameter("region", step.unitRegionCode())
        .setParameter("started", step.startedOn())
        .setParameter("due", step.dueOn())
        .executeUpdate();
  }

  /** A step done, on time or not; an evaluation with the petitioner's answer. */
  public void closed(UUID caseId, CaseProgressed.ClosedStep step, String outcome) {
    em.createNativeQuery(
            "UPDATE step_fact SET done_on = :done, on_time = :onTime, outcome = :outcome"
                + " WHERE case_id = :case AND step = :step AND done_on IS NULL")
        .setParameter("done", step.doneOn())
        .setParameter("onTime", step.onTime())
        .setParameter("outcome", outcome)
        .setParameter("case", caseId)
        .setParameter("step", step.step().name())
        .executeUpdate();
  }
}
