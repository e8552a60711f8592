package cn.gov.petition.intake.store;

import cn.gov.petition.intake.PartyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * A party named on a case, in the order the clerk entered them: a petitioner (信访人) or an accused
 * (被反映人). Personal data.
 */
@MappedSuperclass
public abstract class CasePartyEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id")
  public PetitionCaseEntity petitionCase;

  @Column(nullable = false)
  public int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PartyKind kind;

  /** Encrypted at rest. */
  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  public String name;
}
