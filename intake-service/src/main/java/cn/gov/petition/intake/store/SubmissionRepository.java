package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 网上信访 submissions ({@code online_submission}, V27). */
@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<OnlineSubmissionEntity, UUID> {

  /** The submission with this query code, by its digests under every key. */
  public Optional<OnlineSubmissionEntity> findByQueryCodeDigest(Collection<String> digests) {
    return find("queryCodeDigest in ?1", digests).firstResultOptional();
  }

  /** How many submissions the phone made since {@code since}. */
  public long fromPhoneSince(String phoneDigest, Instant since) {
    return count("phoneDigest = ?1 and submittedAt >= ?2", phoneDigest, since);
  }

  /** The submissions of a status in the offices of a region's subtree, oldest first. */
  public List<OnlineSubmissionEntity> queue(
      String regionPrefix, OnlineSubmissionEntity.Status status, int limit) {
    return find(
            "officeRegion like ?1 and status = ?2",
            Sort.by("submittedAt").and("id"),
            regionPrefix + "%",
            status)
        .page(0, limit)
        .list();
  }

  /** The online submission the case was registered from, if it was. */
  public Optional<OnlineSubmissionEntity> ofCase(UUID caseId) {
    return find("caseId", caseId).firstResultOptional();
  }
}
