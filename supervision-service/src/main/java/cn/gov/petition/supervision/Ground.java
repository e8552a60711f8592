package cn.gov.petition.supervision;

/** 积案认定依据: why a case belongs on the backlog list. */
public enum Ground {
  /** 超期未办结: still open with a unit's step past its due date or done late. */
  OVERDUE("超期未办结"),
  /** 重复信访: the petitioner came again about it at least the configured number of times. */
  REPEATED("重复信访");

  private final String label;

  Ground(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
