package cn.gov.petition.analytics.store;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
   * @param origin DIRECT, AGENT, LEADER_RECEPTION or NATIONAL_TRANSFER; null for a repeat receipt
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
      String origin,
      UUID linkedTo) {}

  public void petition(Petition p) {
    em.createNativeQuery(
            "INSERT INTO petition_fact (case_id, case_number, day, matter_region_code, repeat,"
                + " channel, category, petition_class, purpose, person_count, collective,"
                + " registering_region, origin, chain_id) VALUES (:case, :number, :day, :region,"
                + " :repeat, :channel, :category, :class, :purpose, :persons, :collective,"
                + " :registering, :origin,"
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
        .setParameter("origin", p.origin())
        .setParameter("linked", p.linkedTo() == null ? p.caseId() : p.linkedTo())
        .executeUpdate();
    tally("PETITION", p.matterRegionCode(), p.day(), p.repeat() ? "REPEAT" : "FIRST", 1);
    if (p.persons() != null && p.persons() > 0) {
      tally("PERSONS", p.matterRegionCode(), p.day(), "PERSONS", p.persons());
    }
    em.createNativeQuery(
            "INSERT INTO petition_tally (region_code, day, channel, category, petition_class,"
                + " purpose, repeat, collective, registering_level, escalated, origin, count,"
                + " persons) SELECT left(:region, l), CAST(:day AS date), CAST(:channel AS text),"
                + " CAST(:category AS text), CAST(:class AS text), CAST(:purpose AS text), :repeat,"
                + " CAST(:collective AS boolean), CAST(length(CAST(:registering AS text)) AS"
                + " smallint), false, CAST(:origin AS text), 1, :persons FROM unnest(ARRAY[2, 4, 6, 9]) AS l WHERE l <= length(:region)"
                + " ON CONFLICT ON CONSTRAINT petition_tally_key DO UPDATE SET"
                + " count = petition_tally.count + 1,"
                + " persons = petition_tally.persons + EXCLUDED.persons")
        .setParameter("region", p.matterRegionCode())
        .setParameter("day", p.day())
        .setParameter("channel", p.channel())
        .setParameter("category", p.category())
        .setParameter("class", p.petitionClass())
        .setParameter("purpose", p.purpose())
        .setParameter("repeat", p.repeat())
        .setParameter("collective", p.collective())
        .setParameter("registering", p.registeringRegion())
        .setParameter("origin", p.origin())
        .setParameter("persons", p.persons() == null ? 0 : p.persons())
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

  /** 批示件: the counts of the instructions given to units of a region in a period. */
  public record InstructionCounts(
      long issued, long answered, long answeredLate, long outstanding, long overdue) {}

  /**
   * Keeps a leader's instruction (领导批示) as given, or its report back: the answer's day and lateness
   * never go back to none (an event read again changes nothing).
   */
  public void instruction(
      UUID letterId,
      String recipientUnit,
      String recipientRegion,
      LocalDate issuedOn,
      LocalDate replyDueOn,
      LocalDate answeredOn,
      boolean answeredLate) {
    em.createNativeQuery(
            "INSERT INTO instruction_fact (letter_id, recipient_unit, recipient_region, issued_on,"
                + " reply_due_on, answered_on, answered_late) VALUES (:id, :unit, :region, :issued,"
                + " :due, :answered, :late) ON CONFLICT (letter_id) DO UPDATE SET"
                + " answered_on = COALESCE(instruction_fact.answered_on, EXCLUDED.answered_on),"
                + " answered_late = instruction_fact.answered_late OR EXCLUDED.answered_late")
        .setParameter("id", letterId)
        .setParameter("unit", recipientUnit)
        .setParameter("region", recipientRegion)
        .setParameter("issued", issuedOn)
        .setParameter("due", replyDueOn)
        .setParameter("answered", answeredOn)
        .setParameter("late", answeredLate)
        .executeUpdate();
  }

  /**
   * The instructions given to units in the region's subtree from {@code from} to {@code to}: how
   * many, how many reported back by {@code to} (late among them), and how many had not, of which
   * past their date on {@code to}.
   */
  public InstructionCounts instructions(String region, LocalDate from, LocalDate to) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE answered_on <= :to),"
                        + " count(*) FILTER (WHERE answered_on <= :to AND answered_late),"
                        + " count(*) FILTER (WHERE answered_on IS NULL OR answered_on > :to),"
                        + " count(*) FILTER (WHERE (answered_on IS NULL OR answered_on > :to)"
                        + " AND reply_due_on < :to) FROM instruction_fact"
                        + " WHERE recipient_region LIKE :region AND issued_on BETWEEN :from AND :to")
                .setParameter("region", region + "%")
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    return new InstructionCounts(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(),
        ((Number) r[3]).longValue(),
        ((Number) r[4]).longValue());
  }

  /**
   * 越级: the case's registrations were made more than one level above the authority; their tallies
   * move from not escalated to escalated in the same statement.
   */
  public void escalated(UUID caseId) {
    em.createNativeQuery(
            "WITH changed AS (UPDATE petition_fact SET escalated = true WHERE case_id = :case"
                + " AND registering_region IS NOT NULL AND NOT escalated RETURNING"
                + " matter_region_code, day, channel, category, petition_class, purpose, repeat,"
                + " collective, length(registering_region) AS registering_level, origin,"
                + " coalesce(person_count, 0) AS persons)"
                + " INSERT INTO petition_tally (region_code, day, channel, category,"
                + " petition_class, purpose, repeat, collective, registering_level, escalated,"
                + " origin, count, persons) SELECT left(c.matter_region_code, l), c.day,"
                + " c.channel, c.category, c.petition_class, c.purpose, c.repeat, c.collective,"
                + " c.registering_level, m.escalated, c.origin, m.delta, m.delta * c.persons"
                + " FROM changed c"
                + " CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l"
                + " CROSS JOIN (VALUES (false, -1), (true, 1)) AS m(escalated, delta)"
                + " WHERE l <= length(c.matter_region_code)"
                + " ON CONFLICT ON CONSTRAINT petition_tally_key DO UPDATE SET"
                + " count = petition_tally.count + EXCLUDED.count,"
                + " persons = petition_tally.persons + EXCLUDED.persons")
        .setParameter("case", caseId)
        .executeUpdate();
  }

  /**
   * 更正问题属地: the case's petitions are counted in {@code region} from now on. Each of its facts
   * moves, and with it its counts in every tally kept by the matter's place (the petition tallies,
   * the petition and person day tallies, the daily volume of its registration): one less in the old
   * place and each region above it, one more in the new, summed per row so that a region above both
   * keeps its count. Snapshots and bulletins published before keep what they said.
   */
  public void moved(UUID caseId, String region) {
    String moving =
        "WITH moving AS (SELECT matter_region_code AS old, day, channel, category, petition_class,"
            + " purpose, repeat, collective, CAST(length(registering_region) AS smallint) AS"
            + " registering_level, escalated, origin, registering_region,"
            + " coalesce(person_count, 0) AS persons FROM petition_fact WHERE case_id = :case AND"
            + " matter_region_code <> :region),"
            + " placed AS (SELECT c.*, m.place, m.delta FROM moving c CROSS JOIN LATERAL"
            + " (VALUES (c.old, -1), (CAST(:region AS text), 1)) AS m(place, delta))";
    em.createNativeQuery(
            moving
                + " INSERT INTO petition_tally (region_code, day, channel, category,"
                + " petition_class, purpose, repeat, collective, registering_level, escalated,"
                + " origin, count, persons) SELECT left(p.place, l), p.day, p.channel, p.category,"
                + " p.petition_class, p.purpose, p.repeat, p.collective, p.registering_level,"
                + " p.escalated, p.origin, sum(p.delta), sum(p.delta * p.persons) FROM placed p"
                + " CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l WHERE l <= length(p.place)"
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum(p.delta) <> 0"
                + " ON CONFLICT ON CONSTRAINT petition_tally_key DO UPDATE SET"
                + " count = petition_tally.count + EXCLUDED.count,"
                + " persons = petition_tally.persons + EXCLUDED.persons")
        .setParameter("case", caseId)
        .setParameter("region", region)
        .executeUpdate();
    em.createNativeQuery(
            moving
                + " INSERT INTO fact_tally (kind, region_code, day, bucket, count)"
                + " SELECT k.kind, left(p.place, l), p.day, k.bucket, sum(p.delta * k.amount)"
                + " FROM placed p CROSS JOIN LATERAL (VALUES ('PETITION', CASE WHEN p.repeat THEN"
                + " 'REPEAT' ELSE 'FIRST' END, 1), ('PERSONS', 'PERSONS', p.persons)) AS"
                + " k(kind, bucket, amount) CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l"
                + " WHERE l <= length(p.place) AND k.amount > 0 GROUP BY 1, 2, 3, 4"
                + " HAVING sum(p.delta * k.amount) <> 0"
                + " ON CONFLICT (kind, region_code, day, bucket)"
                + " DO UPDATE SET count = fact_tally.count + EXCLUDED.count")
        .setParameter("case", caseId)
        .setParameter("region", region)
        .executeUpdate();
    // the daily volume counts each registration once, by its own place (not the repeats received)
    em.createNativeQuery(
            moving
                + " INSERT INTO daily_volume (day, region_code, channel, cases, persons)"
                + " SELECT p.day, p.place, p.channel, p.delta, p.delta * p.persons FROM placed p"
                + " WHERE p.registering_region IS NOT NULL"
                + " ON CONFLICT (day, region_code, channel) DO UPDATE SET"
                + " cases = daily_volume.cases + EXCLUDED.cases,"
                + " persons = daily_volume.persons + EXCLUDED.persons")
        .setParameter("case", caseId)
        .setParameter("region", region)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE petition_fact SET matter_region_code = :region WHERE case_id = :case")
        .setParameter("case", caseId)
        .setParameter("region", region)
        .executeUpdate();
  }

  /** A step started, or given a new due date while open (an extension). */
  public void opened(UUID caseId, String caseNumber, CaseProgressed.OpenedStep step) {
    boolean tallied = TALLIED.contains(step.step().name());
    if (tallied) {
      openStep(caseId, step.step(), step.unitCode())
          .ifPresent(open -> tally(step.step().name(), open.region(), open.dueOn(), "OPEN", -1));
    }
    // one open fact per step of a case; of a step several units owe at once (协办), per unit (V19)
    String open =
        step.step().isPerUnit()
            ? "(case_id, unit_code) WHERE done_on IS NULL AND step = 'ASSIST'"
            : "(case_id, step) WHERE done_on IS NULL AND step <> 'ASSIST'";
    em.createNativeQuery(
            "INSERT INTO step_fact (case_id, case_number, step, unit_code, unit_region_code,"
                + " started_on, due_on) VALUES (:case, :number, :step, :unit, :region, :started,"
                + " :due) ON CONFLICT "
                + open
                + " DO UPDATE SET"
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
    if (tallied) {
      tally(step.step().name(), step.unitRegionCode(), step.dueOn(), "OPEN", 1);
    }
  }

  /**
   * A step done, on time or not; an evaluation with the petitioner's answer; or a step withdrawn
   * from its unit (an upheld objection), which leaves the tallies and counts in no rate.
   */
  public void closed(UUID caseId, CaseProgressed.ClosedStep step, String outcome) {
    String name = step.step().name();
    Optional<OpenStep> open =
        TALLIED.contains(name) ? openStep(caseId, step.step(), step.unitCode()) : Optional.empty();
    boolean withdrawn = step.isWithdrawn();
    int done =
        ofUnit(
                em.createNativeQuery(
                    "UPDATE step_fact SET done_on = :done, on_time = CASE WHEN :withdrawn THEN"
                        + " NULL ELSE :onTime END, outcome = :outcome"
                        + " WHERE case_id = :case AND step = :step AND done_on IS NULL"
                        + ofUnit(step.step(), step.unitCode())),
                step.step(),
                step.unitCode())
            .setParameter("done", step.doneOn())
            .setParameter("withdrawn", withdrawn)
            .setParameter("onTime", step.onTime())
            .setParameter("outcome", withdrawn ? WITHDRAWN : outcome)
            .setParameter("case", caseId)
            .setParameter("step", name)
            .executeUpdate();
    if (done > 0 && open.isPresent()) {
      tally(name, open.get().region(), open.get().dueOn(), "OPEN", -1);
      if (withdrawn) {
        return;
      }
      String bucket =
          step.step() == Step.EVALUATE
              ? (outcome != null ? outcome : "UNANSWERED")
              : (step.onTime() ? "ON_TIME" : "LATE");
      tally(name, open.get().region(), open.get().dueOn(), bucket, 1);
      if (step.step() != Step.EVALUATE) {
        // for the average days to accept and to answer
        long days = step.doneOn().toEpochDay() - open.get().startedOn().toEpochDay();
        tally("DONE:" + name, open.get().region(), step.doneOn(), "STEPS", 1);
        tally("DONE:" + name, open.get().region(), step.doneOn(), "DAYS", days);
      }
    }
  }

  /** The outcome of a step withdrawn from its unit by an upheld objection. */
  public static final String WITHDRAWN = "WITHDRAWN";

  /**
   * A done step whose verdict a new calendar version changed (ADR 23): it takes the new due date
   * and verdict, and its tally moves from the old bucket to the new.
   */
  @SuppressWarnings("unchecked")
  public void corrected(UUID caseId, CaseProgressed.ClosedStep step) {
    String name = step.step().name();
    List<Object[]> rows =
        ofUnit(
                em.createNativeQuery(
                    "UPDATE step_fact SET due_on = :due, on_time = :onTime WHERE case_id = :case"
                        + " AND step = :step AND done_on = :done AND on_time IS DISTINCT FROM"
                        + " :onTime"
                        + ofUnit(step.step(), step.unitCode())
                        + " RETURNING unit_region_code, due_on"),
                step.step(),
                step.unitCode())
            .setParameter("due", step.dueOn())
            .setParameter("onTime", step.onTime())
            .setParameter("case", caseId)
            .setParameter("step", name)
            .setParameter("done", step.doneOn())
            .getResultList();
    if (rows.isEmpty() || !TALLIED.contains(name) || step.step() == Step.EVALUATE) {
      return;
    }
    String region = (String) rows.get(0)[0];
    LocalDate previous = step.previousDueOn() == null ? step.dueOn() : step.previousDueOn();
    tally(name, region, previous, step.onTime() ? "LATE" : "ON_TIME", -1);
    tally(name, region, step.dueOn(), step.onTime() ? "ON_TIME" : "LATE", 1);
  }

  /** The steps the rates count, and so the tallies keep. */
  private static final Set<String> TALLIED = Set.of("ACCEPT", "HANDLE", "EVALUATE", "ASSIST");

  private record OpenStep(String region, LocalDate startedOn, LocalDate dueOn) {}

  /**
   * The condition that picks the unit's fact of a step several units owe at once (协办); none for any
   * other step, or from a sender that does not name the unit.
   */
  private static String ofUnit(Step step, String unitCode) {
    return step.isPerUnit() && unitCode != null ? " AND unit_code = :unit" : "";
  }

  private static Query ofUnit(Query query, Step step, String unitCode) {
    return ofUnit(step, unitCode).isEmpty() ? query : query.setParameter("unit", unitCode);
  }

  @SuppressWarnings("unchecked")
  private Optional<OpenStep> openStep(UUID caseId, Step step, String unitCode) {
    List<Object[]> rows =
        ofUnit(
                em.createNativeQuery(
                    "SELECT unit_region_code, started_on, due_on FROM step_fact WHERE case_id ="
                        + " :case AND step = :step AND done_on IS NULL"
                        + ofUnit(step, unitCode)),
                step,
                unitCode)
            .setParameter("case", caseId)
            .setParameter("step", step.name())
            .getResultList();
    return rows.stream().findFirst().map(r -> new OpenStep((String) r[0], date(r[1]), date(r[2])));
  }

  /** A DATE column of a native query's row, whichever type the driver gives for it. */
  public static LocalDate date(Object value) {
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /**
   * Adds {@code delta} to the day tally of a fact of {@code kind} in {@code region} and in each
   * region above it (V9 {@code fact_tally}).
   */
  private void tally(String kind, String region, LocalDate day, String bucket, long delta) {
    em.createNativeQuery(
            "INSERT INTO fact_tally (kind, region_code, day, bucket, count)"
                + " SELECT :kind, left(:region, l), :day, :bucket, :delta"
                + " FROM unnest(ARRAY[2, 4, 6, 9]) AS l WHERE l <= length(:region)"
                + " ON CONFLICT (kind, region_code, day, bucket)"
                + " DO UPDATE SET count = fact_tally.count + EXCLUDED.count")
        .setParameter("kind", kind)
        .setParameter("region", region)
        .setParameter("day", day)
        .setParameter("bucket", bucket)
        .setParameter("delta", delta)
        .executeUpdate();
  }
}
