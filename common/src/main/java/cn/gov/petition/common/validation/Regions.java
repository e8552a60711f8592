package cn.gov.petition.common.validation;

/** Region codes in query parameters: a province, city, county or township of the division table. */
public final class Regions {

  /** The shape of a {@code region} parameter, for {@code @Pattern}. */
  public static final String PATTERN = "\\d{2}|\\d{4}|\\d{6}|\\d{9}";

  public static final String MESSAGE = "must be a division code of 2, 4, 6 or 9 digits";

  private Regions() {}
}
