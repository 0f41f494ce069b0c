package com.instore.devices.tap.pcsc;

import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The JDK's PC/SC context, made anew after pcscd went away. The JDK keeps one pcsc-lite context per JVM in a static field
 * and never re-establishes it, so after pcscd restarts every call would fail for good: {@link #invalidate} clears that
 * field (and the JDK's cache of terminals bound to it) by reflection. That needs
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}; without it the status says so. Used by one
 * reader thread only.
 */
final class PcscContext {
    private static final String TERMINALS_CLASS = "sun.security.smartcardio.PCSCTerminals";

    private CardTerminals terminals;
    private boolean resetRefused;

    /** @throws PcscUnavailableException when no context can be established (pcscd down, no library, no permission) */
    CardTerminals terminals() throws PcscUnavailableException {
        if (resetRefused) {
            throw new PcscUnavailableException("pcscd restarted and the JVM cannot reconnect: restart the agent, or run"
                    + " it with --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
        }
        if (terminals == null) {
            try {
                terminals = TerminalFactory.getInstance("PC/SC", null).terminals();
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                throw new PcscUnavailableException(PcscErrors.describe(e), e);
            }
        }
        return terminals;
    }

    /** Forgets the context after pcscd went away, so that the next {@link #terminals} call makes a new one. */
    void invalidate() {
        if (terminals != null) {
            terminals = null;
            resetRefused = !resetJdkContext();
        }
    }

    private static boolean resetJdkContext() {
        try {
            Class<?> type = Class.forName(TERMINALS_CLASS);
            Field context = type.getDeclaredField("contextId");
            Field cache = type.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            synchronized (type) { // the JDK guards both with the class lock
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger(PcscContext.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot reset the JDK's PC/SC context: " + e);
            return false;
        }
    }

    static final class PcscUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        PcscUnavailableException(String message) {
            super(message);
        }

        PcscUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
