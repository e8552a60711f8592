package cn.gov.petition.intake.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 被反映人（单位）: whom an accusation is about. Personal data; never shown to the accused's unit. */
@Entity
@Table(name = "accused")
public class AccusedEntity extends CasePartyEntity {

  /** The unit the accused belongs to (or is), {@code <region>:<department>}. */
  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "unit_name")
  public String unitName;

  public String post;

  @Column(name = "rank")
  public String rank;

  /** A principal leader of that level (党政主要领导): the accusation is handled one level up. */
  @Column(nullable = false)
  public boolean leader;
}
