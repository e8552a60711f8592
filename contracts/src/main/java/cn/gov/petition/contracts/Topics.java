package cn.gov.petition.contracts;

/**
 * Kafka topic names. Keys are case ids, so the events of one case stay in order.
 *
 * <p>A name with {@code {node}} is addressed to one node (the region code it serves): only that
 * node reads it, so it may carry what the broadcast must not. {@link #forNode} fills it in.
 */
public final class Topics {

  /**
   * The broadcast case lifecycle (信访件生命周期): read by supervision, analytics and outside subscribers
   * of every node, so it never carries personal data.
   */
  public static final String CASE_EVENTS = "petition.case-events";

  /**
   * Supervision events (督办事件) every node publishes for its subtree: deadline warnings, overdue
   * marks and their clearing. Broadcast: no personal data.
   */
  public static final String SUPERVISION_EVENTS = "petition.supervision-events";

  /**
   * Analytics events (统计事件) every node publishes for its subtree: early warnings and the periodic
   * statistics snapshots a higher node shows for a lower one. Broadcast: no personal data.
   */
  public static final String ANALYTICS_EVENTS = "petition.analytics-events";

  /** The node registry (节点登记): one compacted record per node, keyed by its region code. */
  public static final String NODES = "petition.nodes";

  /**
   * The official calendar (法定节假日安排): one compacted record per year, keyed by the year, with the
   * latest version of its holidays and make-up working days; written by the province's node, read
   * by every node's intake-service. No personal data.
   */
  public static final String CALENDAR = "petition.calendar";

  /**
   * Cases waiting for routing (待转送交办), from a node's intake to its own routing-service. Not
   * broadcast: it names the units an accusation accuses.
   */
  public static final String ROUTING_REQUESTS = "petition.node.{node}.routing-requests";

  /** Routing decisions (转送/交办 决定) of a node's routing-service, for its own intake. */
  public static final String ROUTING_DECISIONS = "petition.node.{node}.routing-decisions";

  /**
   * Case files handed to a node (案件移交) and the receipts of the node that took one over: personal
   * data, read by the addressed node's intake only.
   */
  public static final String HANDOFFS = "petition.handoffs.{node}";

  /**
   * Events a node's consumers could not apply, with the reason in the dead-letter-reason header.
   * One per node: a handoff that failed carries a case file, which only its node may read.
   */
  public static final String DEAD_LETTER = "petition.dead-letter.{node}";

  /**
   * A node's journal (记录日志) of one service's own records, those made by its offices rather than
   * derived from events (supervision letters, listings, backlog entries, reception days, warning
   * rules): one compacted record per row, keyed by table and primary key, its state sealed with the
   * node's field key. Read by that service of that node alone, to rebuild its database when it
   * starts empty (docs/adr/0037). Fill in with {@link #journal}.
   */
  public static final String JOURNAL = "petition.node.{node}.journal.{service}";

  /** The journal topic of {@code service} (its application name) at {@code node}. */
  public static String journal(String node, String service) {
    return forNode(JOURNAL, node).replace("{service}", service);
  }

  /** The topic of {@code node} for a node-addressed name; other names unchanged. */
  public static String forNode(String topic, String node) {
    return topic.replace("{node}", node);
  }

  private Topics() {}
}
