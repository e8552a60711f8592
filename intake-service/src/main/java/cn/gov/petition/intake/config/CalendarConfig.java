package cn.gov.petition.intake.config;

import cn.gov.petition.intake.StatutoryCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class CalendarConfig {

  @Produces
  @Singleton
  StatutoryCalendar calendar() {
    return StatutoryCalendar.official();
  }
}
