package dev.tenon.exception;

/**
 * A block of code ran more statements than its budget allows (or, for an exact budget, another number): thrown when
 * the {@link dev.tenon.engine.StatementBudget} closes, with every statement of the block in the message and, for each
 * lazy load, the relationship and the line that touched it.
 *
 * <p>It is an {@link AssertionError}, not a {@link TenonException}, on purpose, and the one exception of Tenon outside
 * that hierarchy. A budget is an assertion a test makes about the code under test, not a failure of the database or of
 * the input: test frameworks report an {@code AssertionError} as a failed expectation (JUnit and TestNG show it as a
 * failure, not an error), and the application's own {@code catch (RuntimeException e)} or {@code catch
 * (TenonException e)} around the block, a retry loop for instance, cannot swallow it and carry on.
 */
public class StatementBudgetError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** An error with the full message. */
    public StatementBudgetError(String message) {
        super(message);
    }
}
