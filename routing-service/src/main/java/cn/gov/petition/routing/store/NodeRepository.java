package cn.gov.petition.routing.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The nodes this node has heard announce themselves, by region code. */
@ApplicationScoped
public class NodeRepository implements PanacheRepositoryBase<NodeEntity, String> {}
