package com.instore.devices.tap.ndef;

import com.instore.devices.tap.CardRead;
import com.instore.devices.tap.CardReadException;
import com.instore.devices.tap.Credential;
import org.nfctools.ndef.NdefContext;
import org.nfctools.ndef.Record;
import org.nfctools.ndef.ext.UnsupportedExternalTypeRecord;
import org.nfctools.ndef.wkt.records.TextRecord;
import org.nfctools.ndef.wkt.records.UriRecord;

import java.util.List;
import java.util.Optional;

/**
 * Picks the credential out of an NDEF message, decoded by nfctools' {@code NdefMessageDecoder}. Our member record (NFC
 * Forum external type {@value #MEMBER_TYPE}, payload = the member token in ASCII) wins; otherwise the first Text record's
 * text, otherwise the first URI record's URI. All become {@link CardRead.Kind#NDEF}: what they mean is the hub's call.
 */
public final class NdefCredentials {
    /** External type name of our member record (NFC Forum RTD "domain:type", lower case). */
    public static final String MEMBER_TYPE = "instore.com:member";

    private NdefCredentials() {
    }

    /** @throws CardReadException when the message cannot be decoded (nfctools throws on malformed records) */
    public static Optional<Credential> fromMessage(byte[] message) throws CardReadException {
        List<Record> records = decode(message);
        Optional<String> value = memberToken(records)
                .or(() -> first(records, TextRecord.class).map(TextRecord::getText))
                .or(() -> first(records, UriRecord.class).map(UriRecord::getUri));
        return value.filter(v -> !v.isBlank()).map(v -> new Credential(CardRead.Kind.NDEF, v));
    }

    private static List<Record> decode(byte[] message) throws CardReadException {
        if (message.length == 0) {
            return List.of();
        }
        NdefStructure.check(message);
        try {
            return NdefContext.getNdefMessageDecoder().decodeToRecords(message);
        } catch (RuntimeException e) {
            throw new CardReadException("broken NDEF message (" + message.length + " bytes): " + e, e);
        }
    }

    private static Optional<String> memberToken(List<Record> records) {
        return records.stream()
                .filter(UnsupportedExternalTypeRecord.class::isInstance)
                .map(UnsupportedExternalTypeRecord.class::cast)
                .filter(r -> MEMBER_TYPE.equalsIgnoreCase(r.getNamespace()))
                .map(UnsupportedExternalTypeRecord::getContent)
                .findFirst();
    }

    private static <T extends Record> Optional<T> first(List<Record> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
