package dev.hailway.dispatch.matching;

import java.util.function.Supplier;

/** Runs work in one database transaction: everything in it, events included, commits or none of it does. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
