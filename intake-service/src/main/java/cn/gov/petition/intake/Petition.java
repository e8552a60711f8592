package cn.gov.petition.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * 信访登记: a petition as registration takes it, each field already checked on its own by the API; the
 * rules between fields are {@link RegistrationRules}. Defaults are settled here: a petition without
 * an origin came in directly, one without petitioners or accused names none.
 */
public record Petition(
    Channel channel,
    Origin origin,
    Intermediary intermediary,
    LocalDate receivedOn,
    String matterRegionCode,
    PetitionClass petitionClass,
    Purpose purpose,
    String category,
    String content,
    int personCount,
    Integer involvedCount,
    boolean anonymous,
    boolean confidential,
    String newFactsOrReasons,
    List<Petitioner> petitioners,
    List<Accused> accused) {

  public Petition {
    origin = origin == null ? Origin.DIRECT : origin;
    petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
    accused = accused == null ? List.of() : List.copyOf(accused);
  }

  /** Whether the petitioner brought new facts or reasons: a repeat with them is a new case. */
  public boolean hasNewFacts() {
    return newFactsOrReasons != null && !newFactsOrReasons.isBlank();
  }

  /** 信访人: a person, or an organisation petitioning as such; idType null when no number. */
  public record Petitioner(
      PartyKind kind,
      String name,
      IdType idType,
      String idNumber,
      String phone,
      String address,
      String addressRegionCode,
      boolean smsConsent) {

    public Petitioner {
      kind = kind == null ? PartyKind.PERSON : kind;
    }
  }

  /** 被反映人（单位）: whom an accusation is about. Never shown to that person's unit. */
  public record Accused(
      PartyKind kind,
      String name,
      String unitCode,
      String unitName,
      String post,
      String rank,
      boolean leader) {}

  /** The agent (信访代办员) or leader (接访领导) who took the petition in. */
  public record Intermediary(String name, String post) {}
}
