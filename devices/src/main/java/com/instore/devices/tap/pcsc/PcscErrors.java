package com.instore.devices.tap.pcsc;

/**
 * Turns PC/SC failures into words a store employee can act on. The JDK reports pcsc-lite's error codes as the message of
 * its internal {@code PCSCException} (e.g. "SCARD_E_NO_SERVICE"), somewhere in the cause chain.
 */
final class PcscErrors {
    static final String PCSCD_DOWN = "pcscd is not running";
    static final String NO_READER = "no reader connected";

    private PcscErrors() {
    }

    static String describe(Throwable error) {
        String codes = codes(error);
        if (codes.contains("SCARD_E_NO_SERVICE") || codes.contains("SCARD_E_SERVICE_STOPPED")
                || codes.contains("SCARD_E_INVALID_HANDLE")) {
            return PCSCD_DOWN;
        }
        if (codes.contains("SCARD_E_NO_READERS_AVAILABLE")) {
            return NO_READER;
        }
        if (codes.contains("SCARD_E_READER_UNAVAILABLE") || codes.contains("SCARD_E_UNKNOWN_READER")) {
            return "reader unplugged";
        }
        if (codes.contains("SCARD_E_NO_ACCESS") || codes.contains("SCARD_W_SECURITY_VIOLATION")) {
            return "no permission to use pcscd (polkit rules for this user)";
        }
        if (codes.contains("libpcsclite") || codes.contains("PC/SC library") || codes.contains("UnsatisfiedLinkError")) {
            return "PC/SC library not found (install libpcsclite1)";
        }
        return "PC/SC error: " + codes;
    }

    /** The context must be made anew: pcscd went away (or restarted) under it. */
    static boolean contextLost(Throwable error) {
        return PCSCD_DOWN.equals(describe(error));
    }

    private static String codes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
        }
        return text.substring(0, text.length() - 3);
    }
}
