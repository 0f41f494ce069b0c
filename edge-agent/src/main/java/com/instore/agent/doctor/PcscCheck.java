package com.instore.agent.doctor;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import java.util.List;

/**
 * Lists the PC/SC readers this machine has (javax.smartcardio, i.e. pcsc-lite and pcscd), or says why there are none, and
 * whether the JVM lets the reader recover from a pcscd restart. Problems count only when the kiosk uses a PC/SC reader.
 */
final class PcscCheck {
    private static final String OPENED_PACKAGE = "sun.security.smartcardio";

    private PcscCheck() {
    }

    static void run(Report report, boolean kioskUsesPcsc) {
        try {
            List<String> names = TerminalFactory.getInstance("PC/SC", null).terminals().list().stream()
                    .map(CardTerminal::getName).toList();
            if (names.isEmpty()) {
                problem(report, kioskUsesPcsc, "PC/SC: pcscd runs but no reader is connected",
                        "no PC/SC card reader is connected: plug the reader in (USB) and check it with pcsc_scan");
            } else {
                report.ok("PC/SC readers found: " + String.join(", ", names));
            }
        } catch (CardException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            String why = describe(e);
            problem(report, kioskUsesPcsc, "PC/SC: " + why, why + advice(why));
        }
        if (opened()) {
            report.ok("JVM: PC/SC recovery after a pcscd restart is enabled (" + OPENED_PACKAGE + " opened)");
        } else if (kioskUsesPcsc) {
            report.warn("JVM: " + OPENED_PACKAGE + " is not opened to the agent",
                    "after a pcscd restart the reader stays offline until the agent restarts: start the agent with"
                            + " java -jar edge-agent.jar (its manifest opens it) or add --add-opens"
                            + " java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
        }
    }

    private static void problem(Report report, boolean counts, String line, String advice) {
        if (counts) {
            report.fail(line, advice);
        } else {
            report.info(line + " (the configured reader does not use PC/SC)");
        }
    }

    /** pcsc-lite's error codes in words (the JDK puts them in the message of an exception in the cause chain). */
    static String describe(Throwable error) {
        StringBuilder codes = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            codes.append(t).append(' ');
        }
        String text = codes.toString();
        if (text.contains("SCARD_E_NO_SERVICE") || text.contains("SCARD_E_SERVICE_STOPPED")) {
            return "pcscd is not running";
        }
        if (text.contains("SCARD_E_NO_READERS_AVAILABLE")) {
            return "no PC/SC card reader is connected";
        }
        if (text.contains("SCARD_E_NO_ACCESS") || text.contains("SCARD_W_SECURITY_VIOLATION")) {
            return "this user may not use pcscd (polkit rules)";
        }
        if (text.contains("libpcsclite") || text.contains("PC/SC") && text.contains("not available")) {
            return "the PC/SC library is missing (install libpcsclite1 and pcscd)";
        }
        return "PC/SC error: " + error.getMessage();
    }

    private static String advice(String why) {
        return switch (why) {
            case "pcscd is not running" -> ": start it (sudo systemctl start pcscd) or install it (apt-get install pcscd)";
            case "no PC/SC card reader is connected" -> ": plug the reader in (USB) and check it with pcsc_scan";
            default -> "";
        };
    }

    private static boolean opened() {
        return ModuleLayer.boot().findModule("java.smartcardio")
                .map(m -> m.isOpen(OPENED_PACKAGE, PcscCheck.class.getModule())).orElse(false);
    }
}
