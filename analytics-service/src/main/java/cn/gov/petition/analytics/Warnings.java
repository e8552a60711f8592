package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.WarningRepository;
import cn.gov.petition.common.outbox.EventIds;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.contracts.WarningRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The warnings raised (V5 {@code warning}): each once per episode, published as a {@link
 * WarningRaised} event in the same transaction, listed for the dashboard and acknowledged there.
 */
@ApplicationScoped
public class Warnings {

  /** At most this many cases are named as a warning's evidence. */
  static final int MAX_CASES = 50;

  private final WarningRepository warnings;
  private final Outbox outbox;
  private final Clock clock;
  private final String node;

  public Warnings(
      WarningRepository warnings,
      Outbox outbox,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.warnings = warnings;
    this.outbox = outbox;
    this.clock = clock;
    this.node = node;
  }

  /**
   * A finding of a rule.
   *
   * @param episode names the finding so that it is raised once (the rule's id is added)
   * @param figures the evidence as numbers, in the order shown
   */
  public record Finding(
      String regionCode,
      String subject,
      String episode,
      String summary,
      Map<String, Double> figures,
      List<String> caseNumbers) {}

  /** Raises the finding unless its episode was raised before; true if raised now. */
  public boolean raise(WarningRules.Rule rule, Finding finding) {
    // named after its episode: raised again after a restore from a backup, it is the same warning
    // and the same event (docs/backup.md)
    String episode = rule.id() + ":" + finding.episode();
    String cause = "warning:" + episode;
    UUID id = UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8));
    LocalDate today = LocalDate.now(clock);
    List<String> cases = finding.caseNumbers().stream().limit(MAX_CASES).toList();
    boolean inserted =
        warnings.insert(
            id,
            rule,
            episode,
            finding,
            cases,
            today,
            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    if (!inserted) {
      return false;
    }
    EventIds.derivedFrom(
        cause,
        () ->
            outbox.publish(
                finding.regionCode(),
                finding.subject(),
                new WarningRaised(
                    id.toString(),
                    rule.id(),
                    rule.version(),
                    rule.kind().name(),
                    finding.regionCode(),
                    finding.subject(),
                    finding.summary(),
                    finding.figures(),
                    cases,
                    today,
                    node)));
    return true;
  }

  /** A warning as the dashboard lists it. */
  public record Warning(
      String id,
      String ruleId,
      int ruleVersion,
      String kind,
      String regionCode,
      String subject,
      String summary,
      Map<String, Double> figures,
      List<String> caseNumbers,
      LocalDate raisedOn,
      String status,
      String acknowledgedBy,
      String note) {}

  /** The warnings of a subtree, newest first; {@code status} null for every status. */
  public List<Warning> inSubtree(String region, String status, String kind, int limit) {
    return warnings.inSubtree(region, status, kind, limit);
  }

  /** How many warnings of each kind were raised in a subtree between two days. */
  @Transactional
  public Map<String, Long> countByKind(String region, LocalDate from, LocalDate to) {
    return warnings.countByKind(region, from, to);
  }

  public Optional<Warning> find(UUID id) {
    return warnings.find(id);
  }

  /** 已研判: someone looked at it and noted what was done; once only (409 after). */
  public void acknowledge(UUID id, String by, String note) {
    if (!warnings.acknowledge(
        id, by, note, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))) {
      throw ProblemException.conflict("该预警已研判 / the warning was acknowledged already");
    }
  }
}
