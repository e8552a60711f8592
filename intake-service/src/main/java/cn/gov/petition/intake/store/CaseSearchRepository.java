package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.ContentWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 案件查询: the cases a caller may see that meet the criteria, a page at a time, with the step due
 * next. The caller's authority is a predicate of the query itself ({@link #VISIBLE}), the same rule
 * as {@code CaseFinder.visibleTo} written in SQL (a test holds the two to the same answers), so
 * that counts and pages are of what the caller may see, never filtered afterwards.
 */
@ApplicationScoped
public class CaseSearchRepository {

  /** The caller's unit is one of the units involved in the case. */
  private static final String INVOLVED =
      ":unit IN (c.registering_unit, c.handling_unit, c.review_unit, c.rereview_unit)";

  /**
   * Who sees a case: never a unit it accuses; the units involved and those asked to assist (协办, who
   * do not find it by petitioner); for an accusation, the supervising roles over its responsible
   * region; otherwise the subtree of the matter or of the handling region, and the offices informed
   * of a 三跨 case.
   */
  static final String VISIBLE =
      "NOT (:unit = ANY(c.excluded_units))"
          + " AND NOT EXISTS (SELECT 1 FROM accused a WHERE a.case_id = c.id AND a.unit_code = :unit)"
          + " AND ("
          + INVOLVED
          + " OR :unit = ANY(c.assisting_units)"
          + " OR (c.petition_class = 'ACCUSATION' AND :supervises"
          + " AND COALESCE(c.rereview_region, c.review_region, c.handling_region,"
          + " split_part(c.registering_unit, ':', 1)) LIKE :subtree)"
          + " OR (c.petition_class <> 'ACCUSATION' AND (c.matter_region_code LIKE :subtree"
          + " OR c.handling_region LIKE :subtree OR :unit = ANY(c.informed_units))))";

  /** The step due next of a case: its open step with the earliest due date. */
  private static final String NEXT_STEP =
      " LEFT JOIN LATERAL (SELECT s.step, s.due_on, s.unit_code FROM case_step s"
          + " WHERE s.case_id = c.id AND s.done_on IS NULL ORDER BY s.due_on LIMIT 1) n ON true";

  /**
   * How a page is ordered; each ends with the case number, so that pages do not overlap. A search
   * by words is ordered in the node, after reading the contents found: by the same keys, or by how
   * well each answers ({@link #RELEVANCE}, for word searches only).
   */
  public enum Order {
    RECEIVED_NEWEST(
        "c.received_on DESC, c.case_number DESC",
        Comparator.comparing(Candidate::receivedOn)
            .thenComparing(Candidate::caseNumber)
            .reversed()),
    RECEIVED_OLDEST(
        "c.received_on, c.case_number",
        Comparator.comparing(Candidate::receivedOn).thenComparing(Candidate::caseNumber)),
    DUE_SOONEST(
        "n.due_on NULLS LAST, c.case_number",
        Comparator.comparing(Candidate::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::caseNumber)),
    DUE_LATEST(
        "n.due_on DESC NULLS LAST, c.case_number",
        Comparator.comparing(
                Candidate::dueOn, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Candidate::caseNumber)),
    NUMBER("c.case_number", Comparator.comparing(Candidate::caseNumber)),
    NUMBER_DESC(
        "c.case_number DESC",
        Comparator.comparing(Candidate::caseNumber, Comparator.reverseOrder())),
    RELEVANCE(
        null,
        Comparator.comparingInt(Candidate::score)
            .reversed()
            .thenComparing(RECEIVED_NEWEST.candidates));

    private final String sql;
    private final Comparator<Candidate> candidates;

    Order(String sql, Comparator<Candidate> candidates) {
      this.sql = sql;
      this.candidates = candidates;
    }
  }

  /** A case a search by words found, as it is ordered before its page is read. */
  private record Candidate(
      UUID id, String caseNumber, LocalDate receivedOn, LocalDate dueOn, int score) {}

  /** Who asks: their unit, region subtree, and whether they supervise accusations there. */
  public record Viewer(String unit, String subtree, boolean supervises) {}

  /**
   * A petitioner sought by the keyed digests of their ID number, phone, name at an address, or
   * name. Matches only the cases whose petitioners the caller may see: those of the units involved,
   * and a confidential petitioner's (保密) of the registering office alone, as reading a case shows
   * them.
   */
  public record Petitioner(
      List<String> idNumbers,
      List<String> phones,
      List<String> namesAtAddresses,
      List<String> names) {}

  /**
   * What is asked; a null or empty criterion asks nothing.
   *
   * @param dueBy an open step due on or before this day (overdue: yesterday)
   */
  public record Criteria(
      List<String> caseNumbers,
      List<String> queryCodeDigests,
      String oldCaseNumber,
      String category,
      String region,
      String unit,
      List<String> statuses,
      String channel,
      Boolean collective,
      Boolean repeat,
      Boolean escalated,
      Boolean accusation,
      LocalDate receivedFrom,
      LocalDate receivedTo,
      LocalDate dueBy,
      Petitioner petitioner,
      ContentWords.Search words,
      List<String> notHandedTo) {

    /** An empty list of case numbers, statuses or nodes asks nothing, as none does. */
    public Criteria {
      caseNumbers = caseNumbers == null || caseNumbers.isEmpty() ? null : caseNumbers;
      statuses = statuses == null || statuses.isEmpty() ? null : statuses;
      notHandedTo = notHandedTo == null || notHandedTo.isEmpty() ? null : notHandedTo;
    }

    /** The same criteria, leaving out the cases handed to one of {@code nodes}. */
    public Criteria leavingOut(List<String> nodes) {
      return new Criteria(
          caseNumbers,
          queryCodeDigests,
          oldCaseNumber,
          category,
          region,
          unit,
          statuses,
          channel,
          collective,
          repeat,
          escalated,
          accusation,
          receivedFrom,
          receivedTo,
          dueBy,
          petitioner,
          words,
          nodes);
    }

    /** Only words, in a region or anywhere: every other criterion open. */
    public static Criteria words(String region, ContentWords.Search words) {
      return new Criteria(
          null, null, null, null, region, null, null, null, null, null, null, null, null, null,
          null, null, words, null);
    }

    /** Only the petitioner: every other criterion open. */
    public static Criteria of(Petitioner petitioner) {
      return new Criteria(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          petitioner,
          null,
          null);
    }
  }

  /** One case as a list shows it: no person, no content. */
  public record Found(
      UUID id,
      String caseNumber,
      String status,
      String category,
      String channel,
      String matterRegionCode,
      String responsibleUnit,
      LocalDate receivedOn,
      boolean collective,
      boolean repeat,
      boolean escalated,
      boolean accusation,
      String handedToNode,
      String nextStep,
      LocalDate nextDueOn,
      String nextStepUnit) {}

  /**
   * A page and how many rows meet the criteria in all, counted up to {@link #COUNTED}: beyond it
   * {@code more} is true and {@code total} is that bound (a province's millions are not counted for
   * every page).
   */
  public record Page<T>(long total, boolean more, List<T> items) {}

  /** How far a search counts its rows. */
  public static final int COUNTED = 10_000;

  private final EntityManager em;
  private final java.time.Clock clock;

  public CaseSearchRepository(EntityManager em, java.time.Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public Page<Found> search(Viewer viewer, Criteria criteria, Order order, int page, int size) {
    if (criteria.words() != null) {
      return searchWords(viewer, criteria, order, page, size);
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(viewer, criteria, parameters);
    String from = " FROM petition_case c" + NEXT_STEP + where;
    // the step due next is read for the page only, never for counting
    String counted = " FROM petition_case c" + where;
    return page(
        counted, from, FOUND, order.sql, parameters, page, size, CaseSearchRepository::found);
  }

  /**
   * A search by words of the content: the word index gives the cases holding the pairs of
   * characters the words ask for, of those the caller may read by words (its exact scope terms,
   * V21); of those (the newest {@link #COUNTED}), the node opens each content, keeps those where
   * each word stands whole, orders them and reads the page. The count is of the cases kept.
   *
   * <p>When the words come alone or with a region, and the order is not by due date, the index
   * table answers by itself: it holds each case's order keys and sealed content. Any other
   * criterion is asked of the case rows the index found.
   */
  private Page<Found> searchWords(
      Viewer viewer, Criteria criteria, Order order, int page, int size) {
    ContentWords.Search words = criteria.words();
    FieldCipher cipher = FieldCipher.instance();
    boolean due = order == Order.DUE_SOONEST || order == Order.DUE_LATEST;
    boolean alone = !due && onlyWordsAndRegion(criteria);
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder sql =
        new StringBuilder("SELECT t.case_id, t.case_number, t.received_on, t.content, ");
    if (alone) {
      sql.append("NULL FROM case_terms t WHERE true");
      if (criteria.region() != null) {
        sql.append(" AND t.scope && CAST(:place AS text[])");
        parameters.put("place", new String[] {"P:" + criteria.region()});
      }
    } else {
      sql.append(due ? "n.due_on" : "NULL")
          .append(" FROM case_terms t JOIN petition_case c ON c.id = t.case_id")
          .append(due ? NEXT_STEP : "")
          .append(where(viewer, criteria, parameters));
    }
    List<String> byKey = new ArrayList<>();
    int k = 0;
    for (Map.Entry<String, int[]> key :
        cipher.wordDigestsByKey(List.copyOf(words.pairs())).entrySet()) {
      byKey.add("(t.key_id = :key" + k + " AND t.words @> CAST(:words" + k + " AS int[]))");
      parameters.put("key" + k, key.getKey());
      parameters.put("words" + k, ContentIndex.array(key.getValue()));
      k++;
    }
    sql.append(" AND (").append(String.join(" OR ", byKey)).append(")");
    // who may read a case by its words, exactly (V21); a province's subtree is every case of the
    // node, so its term is checked on the rows found rather than read from the index
    sql.append(
        viewer.subtree().length() > 2
            ? " AND t.scope && CAST(:scope AS text[])"
            : " AND (t.scope || CAST('{}' AS text[])) && CAST(:scope AS text[])");
    sql.append(" AND NOT (t.scope && CAST(:denied AS text[]))");
    parameters.put("scope", new String[] {"R:" + viewer.subtree(), "U:" + viewer.unit()});
    parameters.put("denied", new String[] {"X:" + viewer.unit()});
    // one index lookup per candidate, a few thousand: parallel workers cost more than they share
    // on a node of two cores (a county's common word, 10 M cases: 130 ms with two, 80 without),
    // and for this transaction only
    em.createNativeQuery("SELECT set_config('max_parallel_workers_per_gather', '0', true)")
        .getSingleResult();
    // a province or a city reads the newest months first (their scope terms, V20), and further
    // back only while it has found fewer than it counts: a common word is not read in every month;
    // a narrower caller's rows are sorted only when there are more than are counted
    boolean wide = viewer.subtree().length() <= 4;
    String newest = " ORDER BY t.received_on DESC, t.case_number DESC";
    List<?> rowsFound = List.of();
    for (int months : wide ? WINDOWS : new int[] {0}) {
      String window = sql + (months == 0 ? "" : " AND t.scope && CAST(:months AS text[])");
      rowsFound = candidates(window + (wide ? newest : "") + " LIMIT :counted", parameters, months);
      if (rowsFound.size() > COUNTED) {
        if (!wide) {
          rowsFound = candidates(window + newest + " LIMIT :counted", parameters, months);
        }
        break;
      }
    }
    // each content opened and checked on every core: the one request's longest part
    List<?> opened = rowsFound;
    int[] scores =
        java.util.stream.IntStream.range(0, opened.size())
            .parallel()
            .map(i -> words.score(cipher.decrypt((String) ((Object[]) opened.get(i))[3])))
            .toArray();
    List<Candidate> kept = new ArrayList<>();
    boolean more = false;
    for (int i = 0; i < opened.size(); i++) {
      Object[] r = (Object[]) opened.get(i);
      if (scores[i] == 0) {
        continue;
      }
      if (kept.size() == COUNTED) {
        more = true;
        break;
      }
      kept.add(
          new Candidate(
              (UUID) r[0],
              (String) r[1],
              NativeValues.date(r[2]),
              NativeValues.date(r[4]),
              scores[i]));
    }
    kept.sort(order.candidates);
    int from = (int) Math.min((long) page * size, kept.size());
    List<UUID> ids =
        kept.subList(from, Math.min(from + size, kept.size())).stream().map(Candidate::id).toList();
    if (ids.isEmpty()) {
      return new Page<>(kept.size(), more, List.of());
    }
    Query rows =
        em.createNativeQuery(
            FOUND
                + " FROM petition_case c"
                + NEXT_STEP
                + " WHERE c.id = ANY(CAST(:ids AS uuid[]))");
    rows.setParameter("ids", ids.toArray(UUID[]::new));
    Map<UUID, Found> read = new HashMap<>();
    for (Object each : rows.getResultList()) {
      Found found = found((Object[]) each);
      read.put(found.id(), found);
    }
    return new Page<>(kept.size(), more, ids.stream().map(read::get).toList());
  }

  private List<?> candidates(String sql, Map<String, Object> parameters, int months) {
    Query query = em.createNativeQuery(sql);
    parameters.forEach(query::setParameter);
    if (months > 0) {
      query.setParameter("months", lastMonths(months));
    }
    query.setParameter("counted", COUNTED + 1);
    return query.getResultList();
  }

  /** The region codes' lengths, one per level: the index's place terms are of these prefixes. */
  private static final java.util.Set<Integer> LEVELS = java.util.Set.of(2, 4, 6, 9);

  /** Whether the criteria are words and at most a region of a level, nothing else. */
  private static boolean onlyWordsAndRegion(Criteria c) {
    return c.equals(Criteria.words(c.region(), c.words()))
        && (c.region() == null || LEVELS.contains(c.region().length()));
  }

  /**
   * How many months back a wide search by words reads, one window after the other until one has
   * more cases than are counted; 0: every month.
   */
  private static final int[] WINDOWS = {3, 12, 36, 0};

  /** The scope terms of next month, this month and the {@code months - 1} months before it. */
  private String[] lastMonths(int months) {
    // from next month: a case received today in a zone ahead of the node's clock
    java.time.YearMonth next = java.time.YearMonth.now(clock).plusMonths(1);
    String[] terms = new String[months + 1];
    for (int i = 0; i <= months; i++) {
      terms[i] = "M:" + next.minusMonths(i);
    }
    return terms;
  }

  /** The columns of a case as a list shows it. */
  private static final String FOUND =
      "SELECT c.id, c.case_number, c.status, c.category, c.channel, c.matter_region_code,"
          + " COALESCE(c.rereview_unit, c.review_unit, c.handling_unit, c.registering_unit),"
          + " c.received_on, c.collective, c.repeat_of IS NOT NULL, c.escalated,"
          + " c.petition_class = 'ACCUSATION', c.handed_to_node, n.step, n.due_on, n.unit_code";

  private static Found found(Object[] r) {
    return new Found(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        NativeValues.date(r[7]),
        (Boolean) r[8],
        (Boolean) r[9],
        (Boolean) r[10],
        (Boolean) r[11],
        (String) r[12],
        (String) r[13],
        NativeValues.date(r[14]),
        (String) r[15]);
  }

  /**
   * A page of {@code select}'s columns {@code from} rows in {@code order}, and how many rows there
   * are in all; no page is read past the last row.
   */
  private <T> Page<T> page(
      String counted,
      String from,
      String select,
      String order,
      Map<String, Object> parameters,
      int page,
      int size,
      Function<Object[], T> row) {
    Query count =
        em.createNativeQuery("SELECT count(*) FROM (SELECT 1" + counted + " LIMIT :counted) t");
    parameters.forEach(count::setParameter);
    count.setParameter("counted", COUNTED + 1);
    long found = ((Number) count.getSingleResult()).longValue();
    boolean more = found > COUNTED;
    long total = Math.min(found, COUNTED);
    if (!more && (long) page * size >= total) {
      return new Page<>(total, false, List.of());
    }
    Query rows =
        em.createNativeQuery(select + from + " ORDER BY " + order + " LIMIT :size OFFSET :offset");
    parameters.forEach(rows::setParameter);
    rows.setParameter("size", size);
    rows.setParameter("offset", (long) page * size);
    List<T> items = new ArrayList<>();
    for (Object each : rows.getResultList()) {
      items.add(row.apply((Object[]) each));
    }
    return new Page<>(total, more, items);
  }

  /** A step waiting for a unit's act, and its case. */
  public record Waiting(
      UUID caseId,
      String caseNumber,
      String status,
      String category,
      String step,
      LocalDate startedOn,
      LocalDate dueOn,
      String unit,
      String staff) {}

  /**
   * The steps that wait for a unit's act: not the petitioner's windows, nor the unit's own window
   * to object (异议), which it may let pass.
   */
  static final String DUTIES =
      Arrays.stream(Step.values())
          .filter(step -> !step.isPetitionerWindow() && step != Step.OBJECT)
          .map(step -> "'" + step.name() + "'")
          .collect(Collectors.joining(", "));

  /**
   * 待办: the steps the unit owes on the cases this node handles (a case handed to another node is
   * acted on there), soonest due first.
   */
  public Page<Waiting> queue(String unit, int page, int size) {
    return queue(" AND s.unit_code = :owner", Map.of("owner", unit), page, size);
  }

  /** The unit's queue, of the cases handed to one of its staff ({@code 经办人}). */
  public Page<Waiting> queueOf(String unit, String staff, int page, int size) {
    return queue(
        " AND s.unit_code = :owner AND c.staff = :staff",
        Map.of("owner", unit, "staff", staff),
        page,
        size);
  }

  /**
   * What a region's units owe, as a supervisor over it sees it: the steps owed by any unit in the
   * region's subtree on the cases the viewer may see, soonest due (the most overdue) first.
   */
  public Page<Waiting> owedIn(String region, Viewer viewer, int page, int size) {
    return queue(
        " AND s.unit_region_code LIKE :owedIn AND " + VISIBLE,
        Map.of(
            "owedIn",
            region + "%",
            "unit",
            viewer.unit(),
            "subtree",
            viewer.subtree() + "%",
            "supervises",
            viewer.supervises()),
        page,
        size);
  }

  private Page<Waiting> queue(String owedBy, Map<String, Object> parameters, int page, int size) {
    String from =
        " FROM case_step s JOIN petition_case c ON c.id = s.case_id"
            + " WHERE s.done_on IS NULL AND c.handed_to_node IS NULL AND s.step IN ("
            + DUTIES
            + ")"
            + owedBy;
    return page(
        from,
        from,
        "SELECT c.id, c.case_number, c.status, c.category, s.step, s.started_on, s.due_on,"
            + " s.unit_code, c.staff",
        "s.due_on, c.case_number, s.step",
        parameters,
        page,
        size,
        r ->
            new Waiting(
                (UUID) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                NativeValues.date(r[5]),
                NativeValues.date(r[6]),
                (String) r[7],
                (String) r[8]));
  }

  private static String where(Viewer viewer, Criteria c, Map<String, Object> parameters) {
    StringBuilder sql = new StringBuilder(" WHERE ").append(VISIBLE);
    parameters.put("unit", viewer.unit());
    parameters.put("subtree", viewer.subtree() + "%");
    parameters.put("supervises", viewer.supervises());
    if (c.caseNumbers() != null) {
      sql.append(" AND c.case_number = ANY(CAST(:caseNumbers AS text[]))");
      parameters.put("caseNumbers", c.caseNumbers().toArray(String[]::new));
    }
    if (c.queryCodeDigests() != null) {
      sql.append(" AND c.query_code_digest = ANY(CAST(:queryCodes AS text[]))");
      parameters.put("queryCodes", c.queryCodeDigests().toArray(String[]::new));
    }
    add(sql, parameters, "c.old_case_number = :oldNumber", "oldNumber", c.oldCaseNumber());
    add(sql, parameters, "c.category LIKE :category", "category", like(c.category()));
    add(sql, parameters, "c.matter_region_code LIKE :region", "region", like(c.region()));
    add(
        sql,
        parameters,
        "COALESCE(c.rereview_unit, c.review_unit, c.handling_unit, c.registering_unit) ="
            + " :responsible",
        "responsible",
        c.unit());
    if (c.statuses() != null) {
      sql.append(" AND c.status = ANY(CAST(:statuses AS text[]))");
      parameters.put("statuses", c.statuses().toArray(String[]::new));
    }
    add(sql, parameters, "c.channel = :channel", "channel", c.channel());
    add(sql, parameters, "c.collective = :collective", "collective", c.collective());
    add(sql, parameters, "(c.repeat_of IS NOT NULL) = :repeat", "repeat", c.repeat());
    add(sql, parameters, "c.escalated = :escalated", "escalated", c.escalated());
    add(
        sql,
        parameters,
        "(c.petition_class = 'ACCUSATION') = :accusation",
        "accusation",
        c.accusation());
    add(sql, parameters, "c.received_on >= :receivedFrom", "receivedFrom", c.receivedFrom());
    add(sql, parameters, "c.received_on <= :receivedTo", "receivedTo", c.receivedTo());
    // an open step due by then: from the open steps (few), never the next step of every case
    add(
        sql,
        parameters,
        "c.id IN (SELECT d.case_id FROM case_step d WHERE d.done_on IS NULL AND d.due_on <= :dueBy)",
        "dueBy",
        c.dueBy());
    if (c.notHandedTo() != null) {
      // a copy this node handed to a node asked beside it: that node lists the case itself
      sql.append(
          " AND (c.handed_to_node IS NULL"
              + " OR NOT c.handed_to_node = ANY(CAST(:notHandedTo AS text[])))");
      parameters.put("notHandedTo", c.notHandedTo().toArray(String[]::new));
    }
    if (c.petitioner() != null) {
      sql.append(
          " AND c.id IN (SELECT p.case_id FROM petitioner p"
              + " WHERE p.id_number_digest = ANY(CAST(:ids AS text[]))"
              + " OR p.phone_digest = ANY(CAST(:phones AS text[]))"
              + " OR p.name_address_digest = ANY(CAST(:namesAtAddresses AS text[]))"
              + " OR p.name_digest = ANY(CAST(:names AS text[])))"
              + " AND CASE WHEN c.confidential THEN c.registering_unit = :unit ELSE "
              + INVOLVED
              + " END");
      parameters.put("ids", c.petitioner().idNumbers().toArray(String[]::new));
      parameters.put("phones", c.petitioner().phones().toArray(String[]::new));
      parameters.put("namesAtAddresses", c.petitioner().namesAtAddresses().toArray(String[]::new));
      parameters.put("names", c.petitioner().names().toArray(String[]::new));
    }
    return sql.toString();
  }

  private static void add(
      StringBuilder sql, Map<String, Object> parameters, String clause, String name, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      parameters.put(name, value);
    }
  }

  private static String like(String prefix) {
    return prefix == null ? null : prefix + "%";
  }
}
