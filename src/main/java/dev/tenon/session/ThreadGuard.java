package dev.tenon.session;

import dev.tenon.exception.TenonException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * Makes a session fail fast when two threads use it at once. A session is single-threaded by design (its identity
 * map, unit of work and connection have no locks, as in every ORM), and using it from two threads at once would
 * otherwise end deep inside with a {@code NullPointerException}, a {@code ConcurrentModificationException} or a
 * duplicate key, after corrupting the first thread's work. This is a check, not a lock: entering costs one
 * compare-and-set, and the second thread is refused at once, before it touches anything, instead of waiting.
 * Handing a session from one thread to another between calls is fine.
 */
final class ThreadGuard {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(ThreadGuard.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // written through OWNER
    private volatile Thread owner;
    private int depth;

    /** Runs {@code work} as the session's only thread. */
    <T> T call(Supplier<T> work) {
        enter();
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    /** Runs {@code work} as the session's only thread. */
    void run(Runnable work) {
        enter();
        try {
            work.run();
        } finally {
            exit();
        }
    }

    private void enter() {
        Thread current = Thread.currentThread();
        Thread inside = owner;
        if (inside == current) {
            depth++;        // a session call from inside another, e.g. a lazy load during a flush
            return;
        }
        if (inside != null || !OWNER.compareAndSet(this, null, current)) {
            throw new TenonException("This session is in use by thread '" + describe((Thread) OWNER.getVolatile(this))
                    + "'; it was called from thread '" + current.getName() + "' at the same time. A session belongs to one thread "
                    + "at a time: open a session per thread (db.openSession(metadata)), or hand it over only between calls");
        }
        depth = 1;
    }

    private void exit() {
        if (--depth == 0) {
            owner = null;
        }
    }

    private static String describe(Thread thread) {
        return thread == null ? "another thread (it has just left)" : thread.getName();
    }
}
