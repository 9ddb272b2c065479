package dev.localfaas.runtime.trigger.queue;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into one line that says what to do. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static String describe(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String base = code == null ? "" : code.name();
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return "the database stayed locked by another process for too long; close it there (an open sqlite3 "
                    + "transaction?) and retry";
        }
        if (base.startsWith("SQLITE_FULL")) {
            return "the disk is full; free some space and retry";
        }
        if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_PERM")) {
            return "cannot write the database (" + firstLine(e) + "); check the file's permissions";
        }
        if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
            return "the database is damaged (" + firstLine(e) + "); stop faas and it will move the file aside on "
                    + "the next start";
        }
        return firstLine(e);
    }

    static boolean isDamage(SQLException e) {
        if (e instanceof SQLiteException se) {
            String name = se.getResultCode().name();
            return name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB");
        }
        return false;
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
