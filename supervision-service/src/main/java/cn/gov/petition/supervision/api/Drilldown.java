package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.security.Caller;

/** The region a dashboard answers for, and the length of its children's codes. */
final class Drilldown {

  /** The validation pattern of a dashboard's {@code region} parameter. */
  static final String REGION = "\\d{2}|\\d{4}|\\d{6}|\\d{9}";

  static final String REGION_MESSAGE = "must be a division code of 2, 4, 6 or 9 digits";

  private Drilldown() {}

  /** The region asked for, by default the root of the caller's subtree; 403 outside it. */
  static String root(Caller caller, String region) {
    String root = region == null ? caller.subtree() : region;
    if (!caller.covers(root)) {
      throw ProblemException.forbidden("区域 " + root + " 不在您的辖区内 / outside your subtree");
    }
    return root;
  }

  /** The length of the child regions' codes (a township's children are its units only). */
  static int childLength(String root) {
    return switch (Division.Level.ofCode(root)) {
      case PROVINCE -> 4;
      case CITY -> 6;
      case COUNTY, TOWNSHIP -> 9;
    };
  }
}
