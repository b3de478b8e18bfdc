package dev.tenon.exception;

/**
 * A read-only session was asked to write: to add or delete an object, or to flush a change (an object changed after
 * it was read, an upsert). Refused before any SQL runs, since a replica would refuse it anyway (PostgreSQL's SQLState
 * {@code 25006}, "cannot execute INSERT in a read-only transaction"); the database is untouched. Write in a session
 * of {@code db.openSession(metadata)}, which works on the primary.
 */
public class ReadOnlyException extends TenonException {
    private static final long serialVersionUID = 1L;

    /** A write refused, as {@code message} says. */
    public ReadOnlyException(String message) {
        super(message);
    }

    /** Refuses {@code verb} on an object when {@code readOnly}: a read-only session refuses a change at once. */
    public static void refuseIf(boolean readOnly, String verb) {
        if (readOnly) {
            throw new ReadOnlyException("Cannot " + verb + " an object in a read-only session (db.openReadOnlySession), which reads on "
                    + "a replica when the database has one and never writes; " + verb + " it in a session of db.openSession(metadata)");
        }
    }
}
