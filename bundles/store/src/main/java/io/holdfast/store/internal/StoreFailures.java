package io.holdfast.store.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.sql.SQLException;

/** Turns database start-up failures into errors an admin can act on. */
final class StoreFailures {
    /** Derby: another JVM has booted this database (db.lck held). */
    static final String DERBY_ALREADY_BOOTED = "XSDB6";
    /** Derby: failed to start the database; the cause says why (often recovery of a damaged log). */
    static final String DERBY_BOOT_FAILED = "XJ040";
    /** Derby: no database at that path (and the URL, rightly, does not say create=true). */
    static final String DERBY_NOT_FOUND = "XJ004";

    private StoreFailures() {
    }

    static HoldfastException classify(SQLException e, String location) {
        return classify(e, location, location);
    }

    /**
     * @param path where the database should be on disk (the Derby directory), for the "not found" case;
     *             production never creates it implicitly, bin/holdfast-init does
     */
    static HoldfastException classify(SQLException e, String location, String path) {
        if (hasState(e, DERBY_NOT_FOUND)) {
            return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "No database at " + path
                    + ": run bin/holdfast-init to create it (first installation), or restore it from backup. Nothing was created.", e);
        }
        if (hasState(e, DERBY_ALREADY_BOOTED)) {
            return new HoldfastException(ErrorCode.STORE_LOCKED, "The database at " + location
                    + " is in use by another process (Derby lock file db.lck). Nothing was changed. "
                    + "Stop the other Holdfast instance, or point the datasource at another directory, then restart the holdfast-store bundle.", e);
        }
        if (hasState(e, DERBY_BOOT_FAILED)) {
            return new HoldfastException(ErrorCode.STORE_CORRUPT, "The database at " + location
                    + " could not be started (" + innermost(e) + "). Nothing was modified or re-created. "
                    + "Check derby.log in derby.system.home; restore the database directory from backup if its log is damaged.", e);
        }
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "The database at " + location
                + " is unavailable: " + innermost(e) + ". Nothing was written.", e);
    }

    static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLState and message of the deepest SQL exception: the most specific reason. */
    static String innermost(Throwable e) {
        SQLException deepest = null;
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException s) {
                deepest = s;
            }
        }
        return deepest == null ? e.toString() : "SQLState " + deepest.getSQLState() + ": " + deepest.getMessage();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
