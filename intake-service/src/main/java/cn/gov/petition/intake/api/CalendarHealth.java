package cn.gov.petition.intake.api;

import cn.gov.petition.intake.Calendars;
import cn.gov.petition.intake.StatutoryCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the calendar knows next year: from 1 November a node whose calendar lacks next year's
 * State Council notice stays ready (it counts, provisionally) but says so in its readiness detail
 * and in the metric {@code petition_calendar_next_year_missing} (1 while missing), which an
 * operator alerts on; the dashboard shows {@link CalendarResource#warning} as a banner.
 */
@Readiness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {

  private final Calendars calendars;

  public CalendarHealth(Calendars calendars) {
    this.calendars = calendars;
  }

  void registerMetrics(@Observes StartupEvent event, MeterRegistry metrics) {
    metrics.gauge(
        "petition.calendar.next.year.missing", calendars, c -> c.nextYearMissing() ? 1 : 0);
    metrics.gauge("petition.calendar.version", calendars, c -> c.current().version());
  }

  @Override
  public HealthCheckResponse call() {
    StatutoryCalendar current = calendars.current();
    boolean missing = calendars.nextYearMissing();
    var response =
        HealthCheckResponse.named("official-calendar")
            .up()
            .withData("version", current.version())
            .withData("coversUntil", current.coversUntil().toString())
            .withData("nextYearMissing", missing);
    if (missing) {
      response.withData("warning", CalendarResource.warning(current));
    }
    return response.build();
  }
}
