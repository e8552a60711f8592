package cn.gov.petition.supervision.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** 接访领导名单: the leaders listed to hold reception days. */
@ApplicationScoped
public class ReceptionLeaderRepository
    implements PanacheRepositoryBase<ReceptionLeaderEntity, UUID> {

  /** Whether the leader is listed already, by region, name and post. */
  public boolean listed(String region, String leader, String post) {
    return count("region = ?1 and leader = ?2 and post = ?3", region, leader, post) > 0;
  }

  /** The leaders of the regions in the subtree, by region, post and name. */
  public List<ReceptionLeaderEntity> inSubtree(String regionPrefix) {
    return list("region like ?1 order by region, post, leader", regionPrefix + "%");
  }
}
