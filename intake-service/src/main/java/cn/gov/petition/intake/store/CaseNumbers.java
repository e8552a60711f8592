package cn.gov.petition.intake.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * 信访件编号的顺序号: the next number of a registering office's region on a day, taken and committed on a
 * connection of its own ({@code numbers}, no transaction), not in the registration's transaction
 * (ADR 43). Taken there, the day's counter row stayed locked until the registration committed, and
 * every registration of the region waited for the one before it; taken here, it is locked for one
 * statement. A registration that fails after taking its number leaves that number unused; every
 * rule is checked before it is taken.
 */
@ApplicationScoped
public class CaseNumbers {

  private static final String NEXT =
      "INSERT INTO case_number_sequence (region_code, day, last_value) VALUES (?, ?, 1)"
          + " ON CONFLICT (region_code, day) DO UPDATE"
          + " SET last_value = case_number_sequence.last_value + 1 RETURNING last_value";

  private final AgroalDataSource numbers;

  CaseNumbers(@DataSource("numbers") AgroalDataSource numbers) {
    this.numbers = numbers;
  }

  /** The region's next number on the day, already committed: 1 for the day's first. */
  public int next(String regionCode, LocalDate day) {
    try (Connection connection = numbers.getConnection();
        PreparedStatement next = connection.prepareStatement(NEXT)) {
      next.setString(1, regionCode);
      next.setDate(2, Date.valueOf(day));
      try (ResultSet row = next.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("no case number could be taken for " + regionCode, e);
    }
  }
}
