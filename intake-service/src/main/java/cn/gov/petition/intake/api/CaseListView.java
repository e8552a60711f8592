package cn.gov.petition.intake.api;

import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.CaseStatus;
import cn.gov.petition.intake.store.CaseSearchRepository;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 案件列表: a page of the cases a search found, and how many it found in all. */
public record CaseListView(
    @Schema(description = "符合条件的件数，至多 10000 / cases found in all, counted up to 10,000") long total,
    @Schema(description = "超过 10000 件 / more than total were found") boolean more,
    int page,
    int size,
    List<Item> items,
    @Schema(
            description =
                "未应答的下级节点：其持有的案件不在本列表中，移交给它的案件按移交时列出 / nodes below that did not"
                    + " answer: the cases they hold are missing, those handed to them are listed as"
                    + " they stood when handed (docs/nodes.md, a subtree's list)",
            example = "[]")
        List<String> unanswered) {

  /** One case as the list shows it: no person and no content, so nothing to mask. */
  public record Item(
      String id,
      @Schema(example = "530302-20261203-00001") String caseNumber,
      @Schema(example = "ACCEPTED") String status,
      @Schema(example = "已受理") String statusLabel,
      String category,
      @Schema(example = "城乡建设") String categoryName,
      String channel,
      String matterRegionCode,
      @Schema(description = "当前责任单位 / the unit that must act now") String responsibleUnit,
      LocalDate receivedOn,
      boolean collective,
      boolean repeat,
      boolean escalated,
      boolean accusation,
      @Schema(description = "已移交的节点 / the node it was handed to, if any") String handedToNode,
      @Schema(description = "下一个到期环节 / the open step due next", example = "HANDLE") String nextStep,
      @Schema(example = "办理答复") String nextStepLabel,
      LocalDate nextDueOn,
      @Schema(description = "剩余天数（负数为已超期）/ days left, negative when overdue") Long daysLeft) {}

  static CaseListView of(
      CaseSearchRepository.Page<CaseSearchRepository.Found> found,
      int page,
      int size,
      LocalDate today) {
    return new CaseListView(
        found.total(),
        found.more(),
        page,
        size,
        found.items().stream().map(f -> item(f, today)).toList(),
        List.of());
  }

  private static Item item(CaseSearchRepository.Found f, LocalDate today) {
    return new Item(
        f.id().toString(),
        f.caseNumber(),
        f.status(),
        CaseStatus.valueOf(f.status()).label(),
        f.category(),
        Categories.table().find(f.category()).map(Categories.Category::name).orElse(null),
        f.channel(),
        f.matterRegionCode(),
        f.responsibleUnit(),
        f.receivedOn(),
        f.collective(),
        f.repeat(),
        f.escalated(),
        f.accusation(),
        f.handedToNode(),
        f.nextStep(),
        f.nextStep() == null ? null : Step.valueOf(f.nextStep()).label(),
        f.nextDueOn(),
        f.nextDueOn() == null ? null : ChronoUnit.DAYS.between(today, f.nextDueOn()));
  }
}
