package cn.gov.petition.intake.api;

import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.CaseStatus;
import cn.gov.petition.intake.store.CaseSearchRepository;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 待办: a page of the acts a unit owes, soonest due first, and how many it owes in all. */
public record WorkQueueView(
    @Schema(description = "待办总数，至多 10000 / acts owed in all, counted up to 10,000") long total,
    @Schema(description = "超过 10000 项 / more than total are owed") boolean more,
    @Schema(description = "已超期的（本页）/ of this page, past due") long overdueOnPage,
    int page,
    int size,
    List<Item> items) {

  /** One act owed: the case, the step, its due date and the days left. */
  public record Item(
      String caseId,
      @Schema(example = "530302-20261203-00001") String caseNumber,
      @Schema(example = "FORWARDED") String status,
      @Schema(example = "已转送") String statusLabel,
      String category,
      @Schema(example = "城乡建设") String categoryName,
      @Schema(example = "ACCEPT") String step,
      @Schema(example = "受理告知") String stepLabel,
      @Schema(description = "应办单位 / the unit that owes the act", example = "530302:zjj")
          String unit,
      @Schema(
              description = "经办人 / the staff member handling it, once named",
              example = "qilin-handler")
          String staff,
      LocalDate startedOn,
      LocalDate dueOn,
      @Schema(description = "剩余天数（负数为已超期）/ days left, negative when overdue") long daysLeft) {}

  static WorkQueueView of(
      CaseSearchRepository.Page<CaseSearchRepository.Waiting> queue,
      int page,
      int size,
      LocalDate today) {
    List<Item> items =
        queue.items().stream()
            .map(
                w ->
                    new Item(
                        w.caseId().toString(),
                        w.caseNumber(),
                        w.status(),
                        CaseStatus.valueOf(w.status()).label(),
                        w.category(),
                        Categories.table()
                            .find(w.category())
                            .map(Categories.Category::name)
                            .orElse(null),
                        w.step(),
                        Step.valueOf(w.step()).label(),
                        w.unit(),
                        w.staff(),
                        w.startedOn(),
                        w.dueOn(),
                        ChronoUnit.DAYS.between(today, w.dueOn())))
            .toList();
    return new WorkQueueView(
        queue.total(),
        queue.more(),
        items.stream().filter(i -> i.daysLeft() < 0).count(),
        page,
        size,
        items);
  }
}
