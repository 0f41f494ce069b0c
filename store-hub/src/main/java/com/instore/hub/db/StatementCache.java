package com.instore.hub.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one held connection, kept open across transactions: {@link #connection()} is a view of the
 * connection whose {@code prepareStatement(String)} hands out a cached statement, and whose statements' {@code close()}
 * only clears their parameters and returns them to the cache. Preparing a statement afresh costs xerial's SQLite driver
 * a native prepare plus the column names read back into new Java strings, for every statement of every tap; PostgreSQL's
 * driver switches a statement it sees reused to a server-side prepared one. The features' code does not change: it still
 * prepares and closes. A statement asked for while its cached copy is in use (nested use of the same SQL) is prepared
 * afresh and really closed; beyond {@value #MAX_STATEMENTS} distinct texts nothing more is cached. Everything else goes
 * to the real connection, except {@code close()}, which belongs to the owner ({@link #closeAll}). One thread only.
 */
final class StatementCache {
    static final int MAX_STATEMENTS = 64;

    private final Connection real;
    private final Map<String, Cached> statements = new HashMap<>();
    private final Connection view;

    StatementCache(Connection real) {
        this.real = real;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new ConnectionView());
    }

    /** The connection to give to the transactions' work. */
    Connection connection() {
        return view;
    }

    int size() {
        return statements.size();
    }

    /** Closes every cached statement (not the connection); errors are ignored: the connection is going anyway. */
    void closeAll() {
        for (Cached cached : statements.values()) {
            try {
                cached.statement.close();
            } catch (SQLException | RuntimeException ignored) {
                // a statement that cannot close is released with its connection
            }
        }
        statements.clear();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Cached cached = statements.get(sql);
        if (cached == null && statements.size() < MAX_STATEMENTS) {
            cached = new Cached(real.prepareStatement(sql));
            statements.put(sql, cached);
        }
        if (cached == null || cached.inUse) {
            return real.prepareStatement(sql);
        }
        cached.inUse = true;
        return cached.view;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class ConnectionView implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "prepareStatement" -> args.length == 1 ? prepare((String) args[0]) : call(real, method, args);
                case "close" -> null;
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "cached statements on " + real;
                case "setSavepoint" -> args == null ? real.setSavepoint() : call(real, method, args);
                case "releaseSavepoint" -> {
                    real.releaseSavepoint((java.sql.Savepoint) args[0]);
                    yield null;
                }
                default -> call(real, method, args);
            };
        }
    }

    /** A cached statement; its view's {@code close()} gives it back instead of closing it. */
    private final class Cached implements InvocationHandler {
        final PreparedStatement statement;
        final PreparedStatement view;
        boolean inUse;

        Cached(PreparedStatement statement) {
            this.statement = statement;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "close" -> giveBack();
                case "isClosed" -> !inUse || statement.isClosed();
                case "getConnection" -> StatementCache.this.view;
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "cached " + statement;
                default -> args != null && args.length == 2 && args[0] instanceof Integer index
                        ? bind(method, index, args) : run(method, args);
            };
        }

        /** The calls every tap makes, without reflection: a reflective call costs more than xerial's own work. */
        private Object bind(Method method, int index, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setString" -> statement.setString(index, (String) args[1]);
                case "setLong" -> statement.setLong(index, (Long) args[1]);
                case "setInt" -> statement.setInt(index, (Integer) args[1]);
                case "setNull" -> statement.setNull(index, (Integer) args[1]);
                default -> {
                    return call(statement, method, args);
                }
            }
            return null;
        }

        private Object run(Method method, Object[] args) throws Throwable {
            if (args == null || args.length == 0) {
                switch (method.getName()) {
                    case "executeQuery" -> {
                        return statement.executeQuery();
                    }
                    case "executeUpdate" -> {
                        return statement.executeUpdate();
                    }
                    case "addBatch" -> {
                        statement.addBatch();
                        return null;
                    }
                    case "executeBatch" -> {
                        return statement.executeBatch();
                    }
                    default -> {
                        return call(statement, method, args);
                    }
                }
            }
            return call(statement, method, args);
        }

        private Object giveBack() {
            if (!inUse) {
                return null;
            }
            inUse = false;
            try {
                statement.clearParameters();
                statement.clearBatch();
            } catch (SQLException | RuntimeException e) {
                // A statement that cannot be reset is not reused.
                statements.values().remove(this);
                try {
                    statement.close();
                } catch (SQLException | RuntimeException ignored) {
                    // closed with its connection
                }
            }
            return null;
        }
    }
}
