package cn.gov.petition.intake.api;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.intake.store.CaseSearchRepository.Petitioner;
import cn.gov.petition.intake.store.PetitionerEntity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 按信访人查询: a petitioner by ID number, phone, name at an address, or name alone (a common name finds
 * many: each found case is in the audit trail's count), each compared by its keyed digest (the
 * values are never stored in clear nor logged). Sent in the body, so that no address bar, proxy log
 * or audit trail holds them.
 */
@Schema(
    description =
        "按信访人查询 / cases of a petitioner: give idNumber, phone, or name (with address to narrow it)")
public record PersonQuery(
    @Schema(description = "证件号码 / ID number", example = "530302199001011232") @Size(max = 32)
        String idNumber,
    @Schema(description = "联系电话 / phone", example = "13812345678")
        @Pattern(
            regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
            message = "must be an 11-digit mainland mobile number or a landline with area code")
        String phone,
    @Schema(description = "姓名（可同给住址）/ name, alone or with address", example = "张三") @Size(max = 100)
        String name,
    @Schema(description = "住址（与姓名同给）/ address, with name", example = "云南省曲靖市麒麟区南宁街道建设路1号")
        @Size(max = 200)
        String address,
    @Schema(description = "页码，从 0 起 / page, from 0", example = "0") @Min(0) @Max(100_000)
        Integer page,
    @Schema(description = "每页件数 / cases per page, 1 to 100 (default 20)", example = "20")
        @Min(1)
        @Max(100)
        Integer size) {

  /** The digests to look for under every key, of the one way given; 422 for none or several. */
  Petitioner digests() {
    int ways = (idNumber != null ? 1 : 0) + (phone != null ? 1 : 0) + (name != null ? 1 : 0);
    if (ways != 1 || (address != null && name == null)) {
      throw ProblemException.invalid(
          idNumber == null && phone == null && name == null ? "idNumber" : "name",
          "OneWay",
          "give one way to find the petitioner: idNumber, phone, or name (with address or alone)");
    }
    if (name != null && PetitionerEntity.nameKey(name).isEmpty()) {
      throw ProblemException.invalid("name", "NotBlank", "must not be blank");
    }
    FieldCipher cipher = FieldCipher.instance();
    if (idNumber != null) {
      return new Petitioner(
          List.copyOf(cipher.digests(idNumber.toUpperCase())), List.of(), List.of(), List.of());
    }
    if (phone != null) {
      return new Petitioner(List.of(), List.copyOf(cipher.digests(phone)), List.of(), List.of());
    }
    if (address == null) {
      return new Petitioner(
          List.of(),
          List.of(),
          List.of(),
          List.copyOf(cipher.digests(PetitionerEntity.nameKey(name))));
    }
    return new Petitioner(
        List.of(),
        List.of(),
        List.copyOf(cipher.digests(PetitionerEntity.nameAtAddress(name, address))),
        List.of());
  }
}
