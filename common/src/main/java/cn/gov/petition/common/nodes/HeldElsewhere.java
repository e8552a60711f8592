package cn.gov.petition.common.nodes;

/**
 * 案件在他节点办理: the headers by which a service says that its answer comes from a copy of what another
 * node now holds (a petitioner's case this node handed on): {@value #NODE_HEADER} and {@value
 * #ADDRESS_HEADER}. The gateway asks that node instead (docs/nodes.md, the petitioner's query
 * across nodes) and does not pass them on to the caller. Intake sets them (its HeldElsewhereMark),
 * only for a node that announced where it is reached.
 */
public final class HeldElsewhere {

  /** Response header naming the node that holds the case now (its region code). */
  public static final String NODE_HEADER = "Petition-Held-At";

  /** Response header with the address of that node's gateway, as the node announced it. */
  public static final String ADDRESS_HEADER = "Petition-Held-At-Address";

  private HeldElsewhere() {}
}
