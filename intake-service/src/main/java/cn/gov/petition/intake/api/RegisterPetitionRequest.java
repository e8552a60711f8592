package cn.gov.petition.intake.api;

import cn.gov.petition.intake.Channel;
import cn.gov.petition.intake.IdType;
import cn.gov.petition.intake.Origin;
import cn.gov.petition.intake.PartyKind;
import cn.gov.petition.intake.Petition;
import cn.gov.petition.intake.PetitionClass;
import cn.gov.petition.intake.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 信访登记: what a clerk enters for a new petition. Each field is checked on its own here; the rules
 * between fields (what each channel requires, anonymous petitions, accusations) are {@code
 * RegistrationRules}.
 */
@Schema(description = "信访登记 / Registration of a petition")
public record RegisterPetitionRequest(
    @Schema(description = "信访形式 / channel", example = "LETTER") @NotNull Channel channel,
    @Schema(
            description =
                "登记方式 / DIRECT (default), AGENT 信访代办 (with the agent), LEADER_RECEPTION"
                    + " 领导接访 (with the leader), NATIONAL_TRANSFER 国家信访局转送 (with the bureau"
                    + " and its transfer number)",
            example = "DIRECT")
        Origin origin,
    @Schema(description = "代办员或接访领导 / the agent or the receiving leader") @Valid
        Intermediary intermediary,
    @Schema(description = "收信/来访日期 / date received (Asia/Shanghai)", example = "2026-11-20")
        @NotNull
        @PastOrPresent
        LocalDate receivedOn,
    @Schema(
            description =
                "问题属地 / division code of the matter's place, county (6) or township (9 digits)",
            example = "530302001")
        @NotNull
        @DivisionCode(lengths = {6, 9})
        String matterRegionCode,
    @Schema(
            description = "信访事项类别 / class: 建议意见 SUGGESTION, 检举控告 ACCUSATION, 申诉求决 APPEAL",
            example = "APPEAL")
        @NotNull
        PetitionClass petitionClass,
    @Schema(description = "信访目的 / purpose", example = "SEEK_SOLUTION") @NotNull Purpose purpose,
    @Schema(description = "内容分类 / second-level category code (GET /categories)", example = "0105")
        @NotNull
        @Category
        String category,
    @Schema(description = "信访内容 / what the petition says", example = "小区供暖长期不达标，多次反映未解决。")
        @NotBlank
        @Size(max = 20000)
        String content,
    @Schema(description = "信访人数 / number of people petitioning together", example = "1")
        @Min(1)
        @Max(100000)
        int personCount,
    @Schema(description = "涉及人数 / number of people the matter concerns", example = "30")
        @Min(1)
        @Max(100000000)
        Integer involvedCount,
    @Schema(
            description = "匿名 / anonymous (accusations and suggestions only, not visits)",
            example = "false")
        boolean anonymous,
    @Schema(
            description = "保密 / the petitioner asked that their identity be kept confidential",
            example = "false")
        boolean confidential,
    @Schema(
            description =
                "新的事实和理由 / new facts or reasons: a repeat of an earlier matter with them is a new"
                    + " case",
            example = "供热公司更换后室温仍只有12度，有新的检测报告。")
        @Size(max = 2000)
        String newFactsOrReasons,
    @Schema(description = "信访人 / petitioners (at most 5 representatives, Art 20)") @Size(max = 5)
        List<@Valid @NotNull PetitionerInput> petitioners,
    @Schema(description = "被反映人（单位） / the accused, required for 检举控告") @Size(max = 20)
        List<@Valid @NotNull AccusedInput> accused,
    @Schema(
            description =
                "网上信访 / the online submission this registers (GET /submissions): the case keeps"
                    + " its query code; channel ONLINE",
            example = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
        @cn.gov.petition.common.validation.Uuid
        String submissionId) {

  /** The submission this registers, if any. */
  public java.util.UUID submission() {
    return submissionId == null ? null : java.util.UUID.fromString(submissionId);
  }

  /** The petition as registration takes it. */
  public Petition petition() {
    return new Petition(
        channel,
        origin,
        intermediary == null
            ? null
            : new Petition.Intermediary(intermediary.name(), intermediary.post()),
        receivedOn,
        matterRegionCode,
        petitionClass,
        purpose,
        category,
        content,
        personCount,
        involvedCount,
        anonymous,
        confidential,
        newFactsOrReasons,
        petitioners == null ? null : petitioners.stream().map(PetitionerInput::petitioner).toList(),
        accused == null
            ? null
            : accused.stream()
                .map(
                    a ->
                        new Petition.Accused(
                            a.kind(),
                            a.name(),
                            a.unitCode(),
                            a.unitName(),
                            a.post(),
                            a.rank(),
                            a.leader()))
                .toList());
  }

  /** 信访人: a person, or an organisation (法人或其他组织) petitioning as such. */
  @IdDocument
  public record PetitionerInput(
      @Schema(description = "PERSON 自然人 (default) or ORGANISATION 法人或其他组织", example = "PERSON")
          PartyKind kind,
      @Schema(description = "姓名或组织名称 / name", example = "张三") @NotBlank @Size(max = 100)
          String name,
      @Schema(
              description =
                  "证件类型 / ID document type; with a number and no type: RESIDENT_ID for a person,"
                      + " CREDIT_CODE for an organisation",
              example = "RESIDENT_ID")
          IdType idType,
      @Schema(description = "证件号码 / ID number", example = "530302199001011232") @Size(max = 32)
          String idNumber,
      @Schema(description = "联系电话 / mobile or landline", example = "13812345678")
          @Pattern(
              regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
              message = "must be an 11-digit mainland mobile number or a landline with area code")
          String phone,
      @Schema(description = "住址 / address", example = "云南省曲靖市麒麟区南宁街道") @Size(max = 200)
          String address,
      @Schema(description = "住址行政区划 / division code of the address", example = "530302001")
          @DivisionCode
          String addressRegionCode,
      @Schema(
              description =
                  "同意接收短信告知 / agreed to be told of the case by SMS at this mobile number"
                      + " (回执、受理、延期、意见 ...); default false",
              example = "true")
          Boolean smsConsent) {

    public PartyKind kindOrDefault() {
      return kind == null ? PartyKind.PERSON : kind;
    }

    /** The document type, null when no number was given. */
    public IdType idTypeOrDefault() {
      if (idType != null || idNumber == null) {
        return idType;
      }
      return kindOrDefault() == PartyKind.ORGANISATION ? IdType.CREDIT_CODE : IdType.RESIDENT_ID;
    }

    Petition.Petitioner petitioner() {
      return new Petition.Petitioner(
          kindOrDefault(),
          name,
          idTypeOrDefault(),
          idNumber,
          phone,
          address,
          addressRegionCode,
          Boolean.TRUE.equals(smsConsent));
    }
  }

  /** 被反映人（单位）: whom an accusation is about. Never shown to that person's unit. */
  public record AccusedInput(
      @Schema(description = "PERSON 个人 or ORGANISATION 单位", example = "PERSON") @NotNull
          PartyKind kind,
      @Schema(description = "姓名或单位名称 / name", example = "李四") @NotBlank @Size(max = 100)
          String name,
      @Schema(
              description = "所在单位代码 / the unit code, <region>:<department>",
              example = "530302001:zf")
          @Pattern(
              regexp = "\\d{2,9}:[a-z]{2,16}",
              message = "must be a unit code: division code, colon, department")
          String unitCode,
      @Schema(description = "单位名称 / unit name", example = "南宁街道办事处") @Size(max = 100)
          String unitName,
      @Schema(description = "职务 / post", example = "主任") @Size(max = 50) String post,
      @Schema(description = "级别 / level, e.g. 科级", example = "科级") @Size(max = 20) String rank,
      @Schema(
              description =
                  "本级党政主要领导 / a principal leader of that level: the accusation goes one level up",
              example = "false")
          boolean leader) {}

  /** The agent (信访代办员) or leader (接访领导) who took the petition in. */
  public record Intermediary(
      @Schema(description = "姓名 / name", example = "王五") @NotBlank @Size(max = 64) String name,
      @Schema(description = "职务或所在村（社区） / post, or the village of an agent", example = "副区长")
          @NotBlank
          @Size(max = 100)
          String post) {}
}
