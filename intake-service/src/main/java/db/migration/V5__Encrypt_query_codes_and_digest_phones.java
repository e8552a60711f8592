package db.migration;

import cn.gov.petition.common.crypto.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Brings rows written before V4 to the at-rest rules, which SQL cannot do because it needs the
 * node's key: query codes are encrypted and found by their keyed digest; ID numbers and phones
 * still in plain are encrypted; every ID number and phone gets the digest that repeat detection
 * searches by. Safe to run on rows already encrypted: they are decrypted and sealed again.
 */
public class V5__Encrypt_query_codes_and_digest_phones extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    migrate(context.getConnection(), FieldCipher.instance());
  }

  /** Separate from Flyway's context so that a test can run it on rows it wrote the old way. */
  public static void migrate(Connection connection, FieldCipher cipher) throws Exception {
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, query_code FROM petition_case WHERE query_code_digest IS NULL");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE petition_case SET query_code = ?, query_code_digest = ? WHERE id = ?")) {
      while (rows.next()) {
        String code = cipher.decrypt(rows.getString("query_code"));
        update.setString(1, cipher.encrypt(code));
        update.setString(2, cipher.digest(code));
        update.setObject(3, rows.getObject("id"));
        update.executeUpdate();
      }
    }
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, id_number, phone FROM petitioner"
                    + " WHERE id_number IS NOT NULL OR phone IS NOT NULL");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE petitioner SET id_number = ?, id_number_digest = ?, phone = ?,"
                    + " phone_digest = ? WHERE id = ?")) {
      while (rows.next()) {
        String idNumber = plain(cipher, rows.getString("id_number"));
        String phone = plain(cipher, rows.getString("phone"));
        update.setString(1, idNumber == null ? null : cipher.encrypt(idNumber));
        update.setString(2, idNumber == null ? null : cipher.digest(idNumber));
        update.setString(3, phone == null ? null : cipher.encrypt(phone));
        update.setString(4, phone == null ? null : cipher.digest(phone));
        update.setLong(5, rows.getLong("id"));
        update.executeUpdate();
      }
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("DROP INDEX IF EXISTS petition_case_query_code");
      ddl.execute("ALTER TABLE petition_case ALTER COLUMN query_code_digest SET NOT NULL");
      ddl.execute(
          "CREATE UNIQUE INDEX IF NOT EXISTS petition_case_query_code_digest"
              + " ON petition_case (query_code_digest)");
    }
  }

  private static String plain(FieldCipher cipher, String stored) {
    return stored == null ? null : cipher.decrypt(stored);
  }
}
