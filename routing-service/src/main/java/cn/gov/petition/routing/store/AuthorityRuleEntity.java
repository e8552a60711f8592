package cn.gov.petition.routing.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One rule of a version; see {@code AuthorityRule}. */
@Entity
@Table(name = "authority_rule")
public class AuthorityRuleEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "version")
  public AuthorityRuleSetEntity ruleSet;

  @Column(nullable = false)
  public String category;

  @Column(name = "petition_class", nullable = false)
  public String petitionClass;

  @Column(nullable = false)
  public String department;

  @Column(name = "min_level")
  public String minLevel;

  public String note;
}
