package cn.gov.petition.routing.store;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A published version of the authority rules, with who published it, when and why (the audit). */
@Entity
@Table(name = "authority_rule_set")
public class AuthorityRuleSetEntity {

  @Id public int version;

  @Column(name = "effective_from", nullable = false)
  public LocalDate effectiveFrom;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "published_by", nullable = false)
  public String publishedBy;

  @Column(nullable = false)
  public String reason;

  /** In no particular order when loaded; {@code RuleBook} sorts them by id. */
  @OneToMany(mappedBy = "ruleSet", cascade = CascadeType.ALL)
  public List<AuthorityRuleEntity> rules = new ArrayList<>();
}
