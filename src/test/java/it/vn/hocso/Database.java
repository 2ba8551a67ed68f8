package it.vn.hocso;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The test server's MariaDB, for checks and set-ups HTTP cannot do (an expired attempt). */
final class Database {

  private Database() {}

  static Connection connect() throws SQLException {
    String url =
        "jdbc:mariadb://"
            + System.getProperty("db.hostname")
            + ":"
            + System.getProperty("db.port")
            + "/"
            + System.getProperty("db.name");
    return DriverManager.getConnection(
        url, System.getProperty("db.user"), System.getProperty("db.password"));
  }
}
