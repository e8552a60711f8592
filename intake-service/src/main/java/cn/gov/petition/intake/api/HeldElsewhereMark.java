package cn.gov.petition.intake.api;

import cn.gov.petition.common.nodes.HeldElsewhere;
import cn.gov.petition.common.nodes.NodeRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * This answer comes from a copy of a case handed to another node ({@link HeldElsewhere}): marked
 * where the copy is found, carried as the headers by the filter below. Kept in intake, the one
 * service that marks, so that no other service's answers pass through the filter.
 */
@RequestScoped
public class HeldElsewhereMark {

  private NodeRegistry.Node node;

  /** This answer is a copy: {@code holder} has the case now (if it announced an address). */
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

    @Inject HeldElsewhereMark mark;

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
      // through the bean's methods: a field of its client proxy is not the request's
      NodeRegistry.Node holder = mark.holder();
      if (holder != null) {
        response.getHeaders().putSingle(HeldElsewhere.NODE_HEADER, holder.regionCode());
        response.getHeaders().putSingle(HeldElsewhere.ADDRESS_HEADER, holder.address());
      }
    }
  }
}
