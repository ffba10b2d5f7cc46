package app.tandem.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Throwaway schemas on the test PostgreSQL server. */
public final class PostgresSchemas {

    private PostgresSchemas() {
    }

    /** A schema name of this JVM's own, so concurrent runs on one server do not drop each other's tables. */
    public static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid();
    }

    public static void recreate(String schema) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        }
    }

    public static void dropQuietly(String schema) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.out.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ExternalServiceCondition.PG_URL, ExternalServiceCondition.PG_USER,
                ExternalServiceCondition.PG_PASSWORD);
    }
}
