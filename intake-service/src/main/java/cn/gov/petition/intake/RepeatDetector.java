package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.intake.Petition.Petitioner;
import cn.gov.petition.intake.config.RegistrationConfig;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 重复信访: finds the earlier cases of the same petitioner about the same matter. Same petitioner: one
 * of them has the same ID number or phone (compared by keyed digest, never in plain) or the same
 * name at the same address. Same matter: the matter lies in the same county and the content is at
 * least {@link RegistrationConfig#repeatSimilarity()} alike ({@link ContentSimilarity}).
 */
@ApplicationScoped
public class RepeatDetector {

  /** How a petitioner was recognised. */
  public enum MatchedOn {
    ID_NUMBER,
    PHONE,
    NAME_AND_ADDRESS
  }

  /** An earlier case of the same petitioner about the same matter. */
  public record Match(PetitionCaseEntity earlier, double similarity, MatchedOn matchedOn) {}

  private final CaseRepository cases;
  private final RegistrationConfig config;

  public RepeatDetector(CaseRepository cases, RegistrationConfig config) {
    this.cases = cases;
    this.config = config;
  }

  /** Every match, newest first. */
  public List<Match> matches(Petition request) {
    List<Petitioner> petitioners = request.petitioners();
    if (petitioners.isEmpty()) {
      return List.of(); // an anonymous petition has no petitioner to recognise
    }
    // every key's digests: rows sealed before a key rotation carry the retired key's until
    // re-sealed
    FieldCipher cipher = FieldCipher.instance();
    Set<String> idDigests =
        petitioners.stream()
            .map(Petitioner::idNumber)
            .filter(Objects::nonNull)
            .flatMap(n -> cipher.digests(n.toUpperCase()).stream())
            .collect(Collectors.toSet());
    Set<String> phoneDigests =
        petitioners.stream()
            .map(Petitioner::phone)
            .filter(Objects::nonNull)
            .flatMap(phone -> cipher.digests(phone).stream())
            .collect(Collectors.toSet());
    Set<String> namesAtAddresses =
        petitioners.stream()
            .map(p -> PetitionerEntity.nameAtAddress(p.name(), p.address()))
            .filter(Objects::nonNull)
            .flatMap(nameAtAddress -> cipher.digests(nameAtAddress).stream())
            .collect(Collectors.toSet());
    List<Match> matches = new ArrayList<>();
    for (PetitionCaseEntity earlier :
        cases.samePetitioner(
            request.matterRegionCode().substring(0, 6),
            idDigests,
            phoneDigests,
            namesAtAddresses,
            config.repeatCandidates())) {
      double similarity = ContentSimilarity.of(request.content(), earlier.content);
      if (similarity >= config.repeatSimilarity()) {
        matches.add(
            new Match(
                earlier,
                Math.round(similarity * 1000) / 1000.0,
                matchedOn(earlier, idDigests, phoneDigests, namesAtAddresses)));
      }
    }
    return matches; // newest first, as the repository returns them
  }

  /**
   * What the registration must do about its matches: link to the newest case still in the procedure
   * on this node; else answer 不再受理 for a terminated matter; else register a new case marked as a
   * repeat of the newest match. New facts or reasons always make a new case (domain.md 6.2).
   */
  public Optional<Decision> decide(Petition request) {
    return decide(request, matches(request));
  }

  /** The same, for matches already found. */
  public Optional<Decision> decide(Petition request, List<Match> found) {
    List<Match> matches = found.stream().map(this::root).toList();
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    boolean newFacts = request.hasNewFacts();
    if (!newFacts) {
      for (Match m : matches) {
        // a case handed to another node is acted on there: the repeat is registered here as a
        // new case marked as a repeat, and routing sends it the same way
        if (!m.earlier().status.isEnded() && m.earlier().isOwnedHere()) {
          return Optional.of(new Decision(Registration.Outcome.LINKED_TO_OPEN_CASE, m));
        }
      }
      for (Match m : matches) {
        if (CaseStatus.TERMINATED == m.earlier().status) {
          return Optional.of(new Decision(Registration.Outcome.NOT_ACCEPTED_AGAIN, m));
        }
      }
    }
    return Optional.of(new Decision(Registration.Outcome.REGISTERED, matches.get(0)));
  }

  /** A 不再受理 answer stands for the terminated case it answered: link to that one. */
  private Match root(Match m) {
    if (CaseStatus.NOT_ACCEPTED_AGAIN == m.earlier().status && m.earlier().repeatOf != null) {
      return new Match(cases.findById(m.earlier().repeatOf), m.similarity(), m.matchedOn());
    }
    return m;
  }

  /** What registering the repeat does, and the earlier case it repeats. */
  public record Decision(Registration.Outcome outcome, Match match) {}

  private static MatchedOn matchedOn(
      PetitionCaseEntity earlier, Set<String> ids, Set<String> phones, Set<String> names) {
    List<PetitionerEntity> people = earlier.petitioners;
    if (people.stream().anyMatch(p -> ids.contains(p.idNumberDigest))) {
      return MatchedOn.ID_NUMBER;
    }
    if (people.stream().anyMatch(p -> phones.contains(p.phoneDigest))) {
      return MatchedOn.PHONE;
    }
    return MatchedOn.NAME_AND_ADDRESS;
  }
}
