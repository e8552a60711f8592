package cn.gov.petition.routing.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RoutingDecisionRepository
    implements PanacheRepositoryBase<RoutingDecisionEntity, UUID> {}
