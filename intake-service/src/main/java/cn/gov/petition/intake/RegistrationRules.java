package cn.gov.petition.intake;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.intake.Petition.Petitioner;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules between the fields of a registration: what each channel must record so that the
 * petitioner can be answered, anonymous petitions, accusations and who took the petition in. Each
 * broken rule is one error naming the field and the rule; the request is refused with 422 before
 * anything is stored.
 *
 * <ul>
 *   <li>The petition was received under a regulation whose limits the platform counts: from
 *       2005-05-01 (domain.md §3.2).
 *   <li>Art 19: a petition states who petitions and where to answer them; only accusations and
 *       suggestions may be anonymous (there is nobody to answer a demand), and nobody visits
 *       anonymously.
 *   <li>Visits: every representative shows an ID document (Art 20, local rules).
 *   <li>Online and mobile: real name, ID and phone (网上信访实名制).
 *   <li>Phone: a phone number; letter and fax: an address to reply to.
 * </ul>
 */
public final class RegistrationRules {

  private RegistrationRules() {}

  public static void check(Petition request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.receivedOn() != null
        && request.receivedOn().isBefore(Deadlines.OLDEST_REGULATION)) {
      errors.add(
          error(
              "receivedOn",
              "RegulationInForce",
              "a petition received before 2005-05-01, when the 《信访条例》 came into force, has no"
                  + " statutory deadlines the platform can count; petitions received from"
                  + " 2005-05-01 to 2022-04-30 take the 2005 limits, later ones the 2022 limits"));
    }
    List<Petitioner> petitioners = request.petitioners();
    if (request.anonymous()) {
      if (!petitioners.isEmpty()) {
        errors.add(
            error("petitioners", "emptyWhenAnonymous", "an anonymous petition names nobody"));
      }
      if (request.petitionClass() == PetitionClass.APPEAL) {
        errors.add(
            error(
                "anonymous",
                "anonymousOnlyForAccusationsAndSuggestions",
                "a 申诉求决 petition needs a petitioner to answer; only accusations and suggestions"
                    + " may be anonymous"));
      }
      if (request.channel() == Channel.VISIT) {
        errors.add(error("anonymous", "noAnonymousVisit", "a visitor is registered by name"));
      }
    } else if (petitioners.isEmpty()) {
      errors.add(
          error(
              "petitioners",
              "requiredUnlessAnonymous",
              "at least one petitioner is required unless the petition is anonymous"));
    } else {
      channelRequirements(request.channel(), petitioners, errors);
    }
    for (int i = 0; i < petitioners.size(); i++) {
      Petitioner p = petitioners.get(i);
      if (p.smsConsent() && (p.phone() == null || !MOBILE.matcher(p.phone()).matches())) {
        errors.add(
            error(
                "petitioners[" + i + "].smsConsent",
                "smsNeedsMobile",
                "SMS notices go to a mainland mobile number: give one as phone, or no consent"));
      }
    }
    if (request.personCount() < petitioners.size()) {
      errors.add(
          error(
              "personCount",
              "atLeastThePetitionersNamed",
              "cannot be less than the number of petitioners named"));
    }
    if (request.involvedCount() != null && request.involvedCount() < request.personCount()) {
      errors.add(error("involvedCount", "atLeastPersonCount", "cannot be less than personCount"));
    }
    boolean accusation = request.petitionClass() == PetitionClass.ACCUSATION;
    if (accusation && request.accused().isEmpty()) {
      errors.add(
          error(
              "accused",
              "requiredForAccusation",
              "an accusation (检举控告) names the accused person or unit"));
    }
    if (!accusation && !request.accused().isEmpty()) {
      errors.add(
          error("accused", "onlyForAccusations", "only an accusation (检举控告) names the accused"));
    }
    Origin origin = request.origin();
    if (origin != Origin.DIRECT && request.intermediary() == null) {
      errors.add(
          error(
              "intermediary",
              "requiredForOrigin",
              "a petition taken in by " + origin.label() + " names who took it in"));
    }
    if (origin == Origin.DIRECT && request.intermediary() != null) {
      errors.add(
          error(
              "intermediary",
              "onlyForAgentOrLeader",
              "only AGENT, LEADER_RECEPTION or NATIONAL_TRANSFER registrations name an"
                  + " intermediary"));
    }
    if (origin == Origin.LEADER_RECEPTION && request.channel() != Channel.VISIT) {
      errors.add(
          error("origin", "leaderReceptionIsAVisit", "a leader's reception day takes visits"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static void channelRequirements(
      Channel channel, List<Petitioner> petitioners, List<FieldError> errors) {
    Petitioner first = petitioners.get(0);
    switch (channel) {
      case VISIT -> {
        for (int i = 0; i < petitioners.size(); i++) {
          if (petitioners.get(i).idNumber() == null) {
            errors.add(
                error(
                    "petitioners[" + i + "].idNumber",
                    "requiredForVisit",
                    "every visitor registered shows an ID document"));
          }
        }
      }
      case ONLINE, MOBILE -> {
        if (first.idNumber() == null) {
          errors.add(
              error(
                  "petitioners[0].idNumber",
                  "requiredForOnline",
                  "online petitions are filed under real name with an ID document (网上信访实名制)"));
        }
        if (first.phone() == null) {
          errors.add(
              error(
                  "petitioners[0].phone",
                  "requiredForOnline",
                  "online petitions give a phone number"));
        }
      }
      case PHONE -> {
        if (first.phone() == null) {
          errors.add(
              error("petitioners[0].phone", "requiredForPhone", "a call is answered by phone"));
        }
      }
      case LETTER, FAX -> {
        if (first.address() == null || first.address().isBlank()) {
          errors.add(
              error(
                  "petitioners[0].address",
                  "requiredForLetter",
                  "a letter is answered at the petitioner's address (Art 19)"));
        }
      }
    }
  }

  /** A mainland mobile number (the SMS center takes no other destination). */
  static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9]\\d{9}");

  private static FieldError error(String field, String rule, String message) {
    return new FieldError(field, rule, message);
  }
}
