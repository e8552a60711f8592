package cn.gov.petition.common.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

  /**
   * The oldest unpublished events, locked so that a second relay (another replica) takes other rows
   * instead of waiting or publishing the same ones.
   */
  @SuppressWarnings("unchecked")
  public List<OutboxEvent> lockOldest(int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM outbox_event ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED",
            OutboxEvent.class)
        .setParameter("limit", limit)
        .getResultList();
  }
}
