package cn.gov.petition.intake;

/**
 * 档案类型: a type of record with its own retention period (保管期限, {@code retention_period}), counted in
 * whole years from the day its case ended. When the period has passed, the retention job ({@link
 * Retention}) takes the record's personal data out; the case and its statistics stay.
 */
public enum RecordType {
  /**
   * 信访件档案: the case as registered and handled (petitioners, accused, content, the history's free
   * text and its documents, the SMS sent, the online submission it came from). Its personal data
   * are replaced by {@link PersonalData#MARK}; its attachments are deleted with it.
   */
  CASE_FILE("信访件档案（登记、办理记录、文书）"),
  /** 附件: the case's scans, photos and recordings, deleted from the object store. */
  ATTACHMENT("附件（来信扫描件、照片、录音等）");

  private final String label;

  RecordType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
