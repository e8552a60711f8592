package cn.gov.petition.common.nodes;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * 案件在他节点办理: the answer to this request comes from a copy of what another node now holds (a
 * petitioner's case this node handed on). A service marks it where it finds the copy; the answer
 * then carries the {@value #NODE_HEADER} and {@value #ADDRESS_HEADER} headers, from which the
 * gateway asks that node instead (docs/nodes.md, the petitioner's query across nodes) and which it
 * does not pass on to the caller. Marked only for a node that announced where it is reached.
 */
@RequestScoped
public class HeldElsewhere {

  /** Response header naming the node that holds the case now (its region code). */
  public static final String NODE_HEADER = "Petition-Held-At";

  /** Response header with the address of that node's gateway, as the node announced it. */
  public static final String ADDRESS_HEADER = "Petition-Held-At-Address";

  private NodeRegistry.Node node;

  /** This answer is a copy: {@code holder} has the case now. */
  public void mark(NodeRegistry.Node holder) {
    if (holder.address() != null && !holder.address().isBlank()) {
      node = holder;
    }
  }

  /** The node holding what this answer is a copy of, or null. */
  public NodeRegistry.Node holder() {
    return node;
  }

  /** Adds the headers to an answer from a copy, error or not. */
  public static class Filter {

    @Inject HeldElsewhere heldElsewhere;

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
      // through the bean's methods: a field of its client proxy is not the request's
      NodeRegistry.Node holder = heldElsewhere.holder();
      if (holder != null) {
        response.getHeaders().putSingle(NODE_HEADER, holder.regionCode());
        response.getHeaders().putSingle(ADDRESS_HEADER, holder.address());
      }
    }
  }
}
