package com.instore.hub.db;

import java.sql.SQLException;

/** Where work runs in one transaction: the pool ({@link Database}) or one thread's {@link HeldConnection}. */
public interface Transactions {
    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Blocking. */
    <T> T inTransaction(Database.Work<T> work) throws SQLException;
}
