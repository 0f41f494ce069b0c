package com.instore.devices.tap.pcsc;

import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import java.util.function.Function;

/**
 * Connects to the card on a terminal, reads it, gives reader feedback and disconnects (leaving the card powered, so that a
 * phone's HCE session is not reset under it; after a failed exchange the card is reset instead). Blocking.
 */
final class CardSession {
    private static final String SHORT_ANSWER = "Invalid response length:";

    private final CardInterrogator interrogator;
    private final Function<byte[], CardType> typeOfHistoricalBytes;
    private final ReaderFeedback feedback;

    CardSession(CardInterrogator interrogator, Function<byte[], CardType> typeOfHistoricalBytes, ReaderFeedback feedback) {
        this.interrogator = interrogator;
        this.typeOfHistoricalBytes = typeOfHistoricalBytes;
        this.feedback = feedback;
    }

    /** @throws CardReadException when the card gave no credential (including: it left before it could be read) */
    Credential read(CardTerminal terminal) throws CardReadException {
        Card card = connect(terminal);
        boolean linkTrouble = false;
        try {
            ApduChannel channel = command -> transmit(card, command);
            CardType type = typeOfHistoricalBytes.apply(card.getATR().getHistoricalBytes());
            try {
                Credential credential = interrogator.read(channel, type);
                feedback.read(channel);
                return credential;
            } catch (CardReadException e) {
                linkTrouble = e.getCause() instanceof CardException;
                if (!linkTrouble) {
                    feedback.failed(channel);
                }
                throw e;
            }
        } finally {
            disconnect(card, linkTrouble);
        }
    }

    private static Card connect(CardTerminal terminal) throws CardReadException {
        try {
            return terminal.connect("*");
        } catch (CardException | RuntimeException e) {
            throw new CardReadException("the card left before it could be read (" + e.getMessage() + ")", e);
        }
    }

    /** @return the raw answer, or null for an answer shorter than a status word (the JDK refuses to keep those) */
    private static byte[] transmit(Card card, byte[] command) throws CardReadException {
        try {
            return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
        } catch (IllegalArgumentException e) {
            return null; // ResponseAPDU: "apdu must be at least 2 bytes long"
        } catch (CardException e) {
            if (String.valueOf(e.getMessage()).startsWith(SHORT_ANSWER)) {
                return null; // the same, met while the JDK chained GET RESPONSE commands
            }
            throw new CardReadException("the card left during the exchange (" + e.getMessage() + ")", e);
        }
    }

    /** @param reset after trouble on the link: power the card down and up, so that the next connect starts clean */
    private static void disconnect(Card card, boolean reset) {
        try {
            card.disconnect(reset);
        } catch (CardException | RuntimeException e) {
            // the card is gone already: nothing left to release
        }
    }
}
