package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.intake.IdType;
import cn.gov.petition.intake.PartyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** 信访人: a person who petitioned. Personal data: never in events or logs. */
@Entity
@Table(name = "petitioner")
public class PetitionerEntity extends CasePartyEntity {

  /** 证件类型. */
  @Enumerated(EnumType.STRING)
  @Column(name = "id_type")
  public IdType idType;

  /** Encrypted at rest. */
  @Convert(converter = EncryptedString.class)
  @Column(name = "id_number")
  public String idNumber;

  /** Keyed digest of the ID number, to find the same petitioner again without decrypting. */
  @Column(name = "id_number_digest")
  public String idNumberDigest;

  /** Encrypted at rest. */
  @Convert(converter = EncryptedString.class)
  public String phone;

  /** 同意短信告知: agreed to be told of the case by SMS at {@link #phone}. */
  @Column(name = "sms_consent")
  public boolean smsConsent;

  /** Keyed digest of the phone number, to find the same petitioner again. */
  @Column(name = "phone_digest")
  public String phoneDigest;

  /** Encrypted at rest. */
  @Convert(converter = EncryptedString.class)
  public String address;

  /**
   * Keyed digest of name and address together ({@link #nameAtAddress}), the third way to find the
   * same petitioner again.
   */
  @Column(name = "name_address_digest")
  public String nameAddressDigest;

  /** Keyed digest of the name alone ({@link #nameKey}), to find a petitioner by name (按姓名查询). */
  @Column(name = "name_digest")
  public String nameDigest;

  @Column(name = "address_region_code")
  public String addressRegionCode;

  /** What the name-and-address digest is made of; null without an address. */
  public static String nameAtAddress(String name, String address) {
    return address == null ? null : name + "|" + address;
  }

  /** What the name digest is made of: the name without spaces, full-width forms made plain. */
  public static String nameKey(String name) {
    return name == null
        ? null
        : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
            .replaceAll("[\\s\u3000]+", "");
  }

  /** A petitioner of the case, with the digests by which a repeat finds them again. */
  public static PetitionerEntity of(
      PetitionCaseEntity petitionCase,
      int position,
      PartyKind kind,
      String name,
      IdType idType,
      String idNumber,
      String phone,
      String address,
      String addressRegionCode) {
    FieldCipher cipher = FieldCipher.instance();
    PetitionerEntity petitioner = new PetitionerEntity();
    petitioner.petitionCase = petitionCase;
    petitioner.position = position;
    petitioner.kind = kind;
    petitioner.name = name;
    petitioner.idType = idType;
    petitioner.idNumber = idNumber == null ? null : idNumber.toUpperCase();
    petitioner.idNumberDigest =
        petitioner.idNumber == null ? null : cipher.digest(petitioner.idNumber);
    petitioner.phone = phone;
    petitioner.phoneDigest = phone == null ? null : cipher.digest(phone);
    petitioner.address = address;
    String nameAtAddress = nameAtAddress(name, address);
    petitioner.nameAddressDigest = nameAtAddress == null ? null : cipher.digest(nameAtAddress);
    petitioner.nameDigest = name == null ? null : cipher.digest(nameKey(name));
    petitioner.addressRegionCode = addressRegionCode;
    return petitioner;
  }
}
