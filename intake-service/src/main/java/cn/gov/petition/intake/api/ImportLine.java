package cn.gov.petition.intake.api;

import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.ImportedCase;
import cn.gov.petition.intake.Transition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 历史案件: one line of a file of former cases (JSON Lines, docs/migration.md): the registration as
 * {@code POST /cases} takes it, who registered it, and every step with its day and actor.
 */
@Schema(description = "历史案件（一行）/ One former case, one line of the file")
public record ImportLine(
    @Schema(
            description = "原系统案件编号 / the case's number in the former system",
            example = "QL-2021-000123")
        @NotBlank
        @Size(max = 64)
        String oldCaseNumber,
    @Schema(description = "登记信息 / the registration, as POST /cases takes it") @NotNull @Valid
        RegisterPetitionRequest registration,
    @Schema(description = "登记单位与登记人 / who registered it") @NotNull @Valid ActorInput registeredBy,
    @Schema(description = "办理步骤，按时间先后 / every step, oldest first") @Size(max = 200)
        List<@NotNull @Valid StepInput> steps,
    @Schema(
            description = "原系统记录的期限 / the due dates the former system recorded, by step",
            example = "{\"HANDLE\": \"2021-05-04\"}")
        Map<Step, LocalDate> oldDueDates) {

  /** The case as the import's rules take it. */
  public ImportedCase imported(int line) {
    return new ImportedCase(
        line,
        oldCaseNumber,
        registration.petition(),
        registeredBy.actor(),
        steps == null ? List.of() : steps.stream().map(StepInput::step).toList(),
        oldDueDates);
  }

  /** A unit and the staff member who acted for it. */
  public record ActorInput(
      @Schema(description = "单位代码 / unit code", example = "530302:xfj") @NotBlank @Size(max = 40)
          String unit,
      @Schema(description = "经办人 / staff member", example = "张某") @NotBlank @Size(max = 50)
          String user) {

    ImportedCase.Actor actor() {
      return new ImportedCase.Actor(unit, user);
    }
  }

  /** 办理步骤: one act, its day, its actor and what it recorded (docs/migration.md). */
  public record StepInput(
      @Schema(description = "办理动作 / the act", example = "ACCEPTED") @NotNull Transition act,
      @Schema(description = "办理日期 / the day (北京时间)", example = "2021-03-05") @NotNull LocalDate on,
      @Schema(description = "办理单位与经办人 / who acted") @NotNull @Valid ActorInput by,
      @Schema(description = "转送、交办或改送的单位 / the unit the matter was sent to", example = "530302:zjj")
          @Size(max = 40)
          String toUnit,
      @Schema(description = "延长的日数 / days an extension added", example = "30") @Min(1) @Max(365)
          Integer days,
      @Schema(
              description = "处理意见或评价结果 / an opinion's or an evaluation's outcome",
              example = "SUPPORTED")
          @Size(max = 40)
          String outcome,
      @Schema(description = "理由、意见或说明 / the reason, opinion or note", example = "需现场核查")
          @Size(max = 20000)
          String text,
      @Schema(description = "办结、终结的三到位一处理情况 / a closure's checklist (Art 27)") @Valid
          HandlingRequests.Checklist checklist) {

    ImportedCase.ImportedStep step() {
      return new ImportedCase.ImportedStep(
          act,
          on,
          by.actor(),
          toUnit,
          days,
          outcome,
          text,
          checklist == null ? null : checklist.act());
    }
  }
}
