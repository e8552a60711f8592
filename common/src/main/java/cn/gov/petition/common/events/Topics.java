package cn.gov.petition.common.events;

/** Kafka topic names. Keys are case ids, so the events of one case stay in order. */
public final class Topics {

  /**
   * The broadcast case lifecycle (信访件生命周期): read by supervision, analytics and outside subscribers,
   * so it never carries personal data.
   */
  public static final String CASE_EVENTS = "petition.case-events";

  /**
   * Cases waiting for routing (待转送交办), from intake to the node's own routing-service. Not
   * broadcast: it names the units an accusation accuses.
   */
  public static final String ROUTING_REQUESTS = "petition.routing-requests";

  /** Routing decisions (转送/交办 决定) of routing-service. */
  public static final String ROUTING_DECISIONS = "petition.routing-decisions";

  /** Events a consumer could not apply, with the reason in the dead-letter-reason header. */
  public static final String DEAD_LETTER = "petition.dead-letter";

  private Topics() {}
}
