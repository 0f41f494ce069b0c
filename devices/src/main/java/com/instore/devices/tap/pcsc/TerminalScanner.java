package com.instore.devices.tap.pcsc;

import com.instore.devices.DeviceStatus;
import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One pass over the PC/SC readers: reader health, then a read of every card that arrived since the last pass. A card is
 * read once per presentation (it must leave the reader before it is read again); an exchange that failed in PC/SC itself
 * (not in what the card answered) is tried again at the next passes while the card stays, up to five times. Runs on
 * the reader thread only.
 */
final class TerminalScanner {
    /** Where a pass reports to. */
    interface Events {
        void status(DeviceStatus status);

        void credential(Credential credential, String reader);

        void failure(String reason, String reader);
    }

    private final PcscContext context;
    private final Predicate<String> terminalFilter;
    private final String noReaderText;
    private final CardSession session;
    private final Events events;
    /** Exchanges that failed at the PC/SC level (not the card's answers) before a read is given up as failed. */
    private static final int MAX_LINK_FAILURES = 5;

    private final Set<String> cardsPresent = new HashSet<>();
    private final Map<String, Integer> linkFailures = new HashMap<>();

    TerminalScanner(PcscContext context, Predicate<String> terminalFilter, String noReaderText, CardSession session,
                    Events events) {
        this.context = context;
        this.terminalFilter = terminalFilter;
        this.noReaderText = noReaderText;
        this.session = session;
        this.events = events;
    }

    /** @return whether the reader is usable (the caller then polls quickly; otherwise it retries at the recovery pace) */
    boolean scan() {
        try {
            List<CardTerminal> terminals = context.terminals().list().stream()
                    .filter(t -> terminalFilter.test(t.getName())).toList();
            if (terminals.isEmpty()) {
                return unusable(noReaderText);
            }
            events.status(DeviceStatus.online(terminals.stream().map(CardTerminal::getName)
                    .collect(Collectors.joining(", "))));
            for (CardTerminal terminal : terminals) {
                checkCard(terminal);
            }
            return true;
        } catch (PcscContext.PcscUnavailableException e) {
            return unusable(e.getMessage());
        } catch (CardException | RuntimeException e) {
            if (PcscErrors.contextLost(e)) {
                context.invalidate();
            }
            return unusable(PcscErrors.describe(e));
        }
    }

    private boolean unusable(String reason) {
        cardsPresent.clear();
        events.status(DeviceStatus.offline(reason));
        return false;
    }

    private void checkCard(CardTerminal terminal) throws CardException {
        String name = terminal.getName();
        if (!terminal.isCardPresent()) {
            cardsPresent.remove(name);
            return;
        }
        if (cardsPresent.add(name)) {
            readNewCard(terminal, name);
        }
    }

    private void readNewCard(CardTerminal terminal, String name) {
        try {
            events.credential(session.read(terminal), name);
            linkFailures.remove(name);
        } catch (CardReadException e) {
            boolean linkTrouble = e.getCause() instanceof CardException;
            if (linkTrouble && linkFailures.merge(name, 1, Integer::sum) < MAX_LINK_FAILURES) {
                cardsPresent.remove(name); // a card still seated after a failed exchange is read again next pass
                return;
            }
            linkFailures.remove(name);
            events.failure(e.getMessage(), name);
        }
    }
}
