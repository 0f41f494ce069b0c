package com.instore.devices.tap.pcsc;

import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;
import com.instore.devices.tap.ndef.Type2Ndef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Gets the best credential from a presented card, over APDUs. Blocking; one card at a time.
 * <ul>
 * <li>ISO 14443-4 card: {@code SELECT} our AID ({@code 00 A4 04 00 Lc AID 00}). A phone running the kiosk app in host
 * card emulation answers the token directly in the SELECT response ({@code token bytes + 90 00}): one exchange, no
 * GET command. The token is opaque here: printable ASCII is passed as text, anything else as Base64; kind PHONE.
 * 6A82 / 6A81 / 6D00 / 6E00 mean "not our app": the card is then read by UID.</li>
 * <li>Type 2 tag: NDEF by READ BINARY ({@code FF B0 00 page 10}, four pages per read); kind NDEF.</li>
 * <li>Otherwise, or when the above give nothing: the UID by GET DATA ({@code FF CA 00 00 00}); kind CARD_UID.</li>
 * </ul>
 * Problems along the way (a broken NDEF message, an odd status word) are kept; when not even the UID can be read they
 * make up the {@link CardReadException}'s message.
 */
final class CardInterrogator {
    private static final System.Logger LOG = System.getLogger(CardInterrogator.class.getName());
    private static final byte[] GET_UID = {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00};
    private static final List<Integer> NOT_OUR_APP = List.of(0x6A82, 0x6A81, 0x6D00, 0x6E00);

    private final byte[] selectAid;

    CardInterrogator(byte[] aid) {
        selectAid = new byte[aid.length + 6];
        selectAid[1] = (byte) 0xA4; // INS SELECT
        selectAid[2] = 0x04;        // P1: select by DF name (AID)
        selectAid[4] = (byte) aid.length;
        System.arraycopy(aid, 0, selectAid, 5, aid.length); // trailing Le = 00: answer up to 256 bytes
    }

    Credential read(ApduChannel card, CardType type) throws CardReadException {
        List<String> problems = new ArrayList<>();
        Optional<Credential> found = switch (type) {
            case ISO_DEP -> attempt(() -> phoneToken(card), problems);
            case TYPE2 -> attempt(() -> Type2Ndef.read(page -> readBinary(card, page)), problems);
            case OTHER_STORAGE -> Optional.empty();
        };
        if (found.isPresent()) {
            return found.get();
        }
        try {
            Credential uid = uid(card);
            problems.forEach(p -> LOG.log(System.Logger.Level.WARNING, "card " + uid.value() + ": " + p));
            return uid;
        } catch (CardReadException e) {
            problems.add(e.getMessage());
            throw new CardReadException(String.join("; ", problems), e);
        }
    }

    private interface Step {
        Optional<Credential> run() throws CardReadException;
    }

    private static Optional<Credential> attempt(Step step, List<String> problems) {
        try {
            return step.run();
        } catch (CardReadException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Credential> phoneToken(ApduChannel card) throws CardReadException {
        ApduResponse response = ApduResponse.exchange(card, "SELECT AID", selectAid);
        if (NOT_OUR_APP.contains(response.sw())) {
            return Optional.empty();
        }
        response.requireOk("SELECT AID");
        if (response.data().length == 0) {
            throw new CardReadException("SELECT AID: the app answered 9000 without a token");
        }
        return Optional.of(new Credential(CardRead.Kind.PHONE, tokenText(response.data())));
    }

    static String tokenText(byte[] token) {
        for (byte b : token) {
            if (b < 0x21 || b > 0x7E) {
                return Base64.getEncoder().encodeToString(token);
            }
        }
        return new String(token, StandardCharsets.US_ASCII);
    }

    private static byte[] readBinary(ApduChannel card, int page) throws CardReadException {
        byte[] command = {(byte) 0xFF, (byte) 0xB0, 0x00, (byte) page, 0x10};
        return ApduResponse.exchange(card, "READ BINARY page " + page, command).requireOk("READ BINARY page " + page).data();
    }

    private static Credential uid(ApduChannel card) throws CardReadException {
        byte[] uid = ApduResponse.exchange(card, "GET UID (FF CA)", GET_UID).requireOk("GET UID (FF CA)").data();
        if (uid.length != 4 && uid.length != 7 && uid.length != 10) {
            throw new CardReadException("GET UID (FF CA): " + uid.length + " bytes is not a UID length (4, 7 or 10)");
        }
        return new Credential(CardRead.Kind.CARD_UID, HexFormat.of().withUpperCase().formatHex(uid));
    }
}
