package dev.truss.adapters.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC on a database file, to look at or tamper with what the table wrote. */
final class RawSqlite {

    private RawSqlite() {
    }

    static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String text(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
