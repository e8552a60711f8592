package cn.gov.petition.intake.api;

import cn.gov.petition.intake.PetitionClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 信访登记: what a clerk enters for a new petition. */
@Schema(description = "信访登记 / Registration of a petition")
public record RegisterPetitionRequest(
    @Schema(description = "信访形式 / channel", example = "LETTER") @NotNull Channel channel,
    @Schema(description = "收信/来访日期 / date received (Asia/Shanghai)", example = "2026-11-20")
        @NotNull
        @PastOrPresent
        LocalDate receivedOn,
    @Schema(
            description =
                "问题属地 / division code of the matter's place, county (6) or township (9 digits)",
            example = "530302001")
        @NotNull
        @Pattern(
            regexp = "\\d{6}|\\d{9}",
            message = "must be a 6-digit county or 9-digit township division code")
        String matterRegionCode,
    @Schema(
            description = "信访事项类别 / class: 建议意见 SUGGESTION, 检举控告 ACCUSATION, 申诉求决 APPEAL",
            example = "APPEAL")
        @NotNull
        PetitionClass petitionClass,
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
    @Schema(description = "信访人 / petitioners (at most 5 representatives, Art 20)")
        @NotEmpty
        @Size(max = 5)
        List<@Valid @NotNull PetitionerInput> petitioners) {

  /** 信访形式: how the petition arrived. */
  public enum Channel {
    /** 来信 */
    LETTER,
    /** 来访 */
    VISIT,
    /** 网上信访 */
    ONLINE,
    /** 来电 */
    PHONE,
    /** 传真 */
    FAX,
    /** 手机/二维码 */
    MOBILE
  }

  /** 信访人. */
  public record PetitionerInput(
      @Schema(description = "姓名 / name", example = "张三") @NotBlank @Size(max = 64) String name,
      @Schema(description = "身份证号 / resident ID number", example = "530302199001011232")
          @ResidentIdNumber
          String idNumber,
      @Schema(description = "手机号 / mobile number", example = "13812345678")
          @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mainland mobile number")
          String phone,
      @Schema(description = "住址 / address", example = "云南省曲靖市麒麟区南宁街道") @Size(max = 200)
          String address) {}
}
