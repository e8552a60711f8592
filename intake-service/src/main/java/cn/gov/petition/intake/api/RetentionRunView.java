package cn.gov.petition.intake.api;

import cn.gov.petition.intake.Retention;
import cn.gov.petition.intake.store.RetentionRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run of the retention job and what it did to the caller's office's cases: which fields it took
 * out, which attachments it deleted (id, kind, size), never a value.
 */
@Schema(description = "保管期限到期处理记录 / A retention run and what it did")
public record RetentionRunView(
    UUID id,
    @Schema(description = "按此日计算期限 / the day the periods were counted to") LocalDate asOf,
    @Schema(description = "只处理该单位登记的信访件；空为全部 / the office whose cases it took; none for all")
        String office,
    @Schema(description = "启动者（定时任务或管理员）/ who started it: the nightly job or an administrator")
        String startedBy,
    Instant startedAt,
    @Schema(description = "完成时间；空为仍在运行 / none while it runs") Instant finishedAt,
    @Schema(description = "对本单位信访件所做的处理 / what it did to the office's cases")
        List<ActionView> actions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the run did to one case for one record type. */
  @Schema(description = "一件信访件的处理 / what was done to one case")
  public record ActionView(
      UUID caseId,
      String caseNumber,
      @Schema(description = "CASE_FILE：已匿名化；ATTACHMENT：附件已删除 / anonymised, or attachments deleted")
          String recordType,
      @Schema(description = "适用的保管年数 / the period applied") int years,
      @Schema(description = "办结日期 / the day the case ended") LocalDate endedOn,
      @Schema(
              description =
                  "处理内容：字段名、附件编号、类型和大小，不含任何个人信息 / field names, attachment ids, kinds and sizes")
          Map<String, Object> done,
      @Schema(description = "对象存储尚未确认删除的附件数 / attachments the object store has yet to delete")
          int objectsPending,
      Instant doneAt) {}

  static RetentionRunView of(
      RetentionRepository.Run run, List<RetentionRepository.Action> actions) {
    return new RetentionRunView(
        run.id(),
        run.asOf(),
        run.office(),
        run.startedBy(),
        run.startedAt(),
        run.finishedAt(),
        actions.stream()
            .map(
                a ->
                    new ActionView(
                        a.caseId(),
                        a.caseNumber(),
                        a.recordType(),
                        a.years(),
                        a.endedOn(),
                        map(a.done()),
                        a.objectsPending().size(),
                        a.doneAt()))
            .toList());
  }

  static RetentionRunView of(Retention.Report report) {
    return of(report.run(), report.actions());
  }

  private static Map<String, Object> map(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
