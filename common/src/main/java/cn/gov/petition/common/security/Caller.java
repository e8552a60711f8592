package cn.gov.petition.common.security;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.validation.Regions;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the user, their unit and the region subtree their authority covers. */
@RequestScoped
public class Caller {

  /** Token claim with the caller's unit code, {@code <region>:<department>}. */
  public static final String UNIT_CLAIM = "unit";

  /** Token claim with the division code of the caller's region. */
  public static final String REGION_CLAIM = "region";

  private final JsonWebToken token;

  public Caller(JsonWebToken token) {
    this.token = token;
  }

  public String user() {
    return token.getName();
  }

  public String unit() {
    String unit = token.getClaim(UNIT_CLAIM);
    return unit == null ? "" : unit;
  }

  /**
   * The division code of the caller's region; empty when the token names none, or a code that is
   * not in the national division table ("5" is no region, and must not cover every code that starts
   * with it): such a caller covers nothing.
   */
  public String region() {
    String region = token.getClaim(REGION_CLAIM);
    return region != null
            && region.matches(Regions.PATTERN)
            && DivisionTable.national().exists(region)
        ? region
        : "";
  }

  /**
   * The division code at the root of the caller's subtree, for queries that list what the caller
   * may see. A token without a region may see nothing, never everything.
   */
  public String subtree() {
    String own = region();
    if (!own.matches(Regions.PATTERN)) {
      throw ProblemException.forbidden("The token names no valid region");
    }
    return own;
  }

  public boolean hasAnyRole(String... roles) {
    var groups = token.getGroups();
    if (groups == null) {
      return false;
    }
    for (String role : roles) {
      if (groups.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a region lies in the caller's subtree (a child's code extends its parent's). */
  public boolean covers(String regionCode) {
    String own = region();
    return !own.isEmpty() && regionCode != null && regionCode.startsWith(own);
  }

  /**
   * Whether the caller's unit follows accusations (检举控告) it does not handle: a 信访 office ({@code
   * xfj}) or a discipline body ({@code jw}). Any other unit hears of an accusation only if it is
   * the one handling it, so that an accused unit never learns of one about itself from a list, a
   * clock or a live stream (Art 30(3)).
   */
  public boolean followsAccusations() {
    String department = Units.department(unit());
    return !region().isEmpty()
        && (department.equals(Units.PETITION_OFFICE) || department.equals(Units.DISCIPLINE));
  }

  /**
   * Whether the caller may hear of a case handled by {@code handlingUnit}: any case but an
   * accusation, an accusation as {@link #mayHearOfAccusation} says.
   */
  public boolean mayHearOf(boolean accusation, String handlingUnit) {
    return !accusation || mayHearOfAccusation(handlingUnit);
  }

  /** Whether the caller may hear of an accusation handled by {@code handlingUnit}. */
  public boolean mayHearOfAccusation(String handlingUnit) {
    return followsAccusations() || (!region().isEmpty() && unit().equals(handlingUnit));
  }
}
