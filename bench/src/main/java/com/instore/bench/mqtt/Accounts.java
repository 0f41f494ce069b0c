package com.instore.bench.mqtt;

import com.instore.protocol.KioskAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identities of one benchmark run: K kiosks of one store, each with its own random secret, and the hub (or the echo
 * service in its place). Immutable.
 */
public record Accounts(String storeId, Map<KioskAddress, Account> kiosks, Account hub) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public Accounts {
        kiosks = Map.copyOf(kiosks);
    }

    /** Kiosks {@code k0001..kNNNN} of {@code storeId}, fresh random secrets. */
    public static Accounts generate(String storeId, int kioskCount) {
        if (kioskCount < 1) {
            throw new IllegalArgumentException("need at least one kiosk, got " + kioskCount);
        }
        Map<KioskAddress, Account> kiosks = new LinkedHashMap<>();
        for (KioskAddress kiosk : kioskAddresses(storeId, kioskCount)) {
            kiosks.put(kiosk, Account.kiosk(kiosk, secret()));
        }
        return new Accounts(storeId, kiosks, Account.hub(storeId, secret()));
    }

    public static List<KioskAddress> kioskAddresses(String storeId, int kioskCount) {
        List<KioskAddress> kiosks = new ArrayList<>(kioskCount);
        for (int i = 1; i <= kioskCount; i++) {
            kiosks.add(new KioskAddress(storeId, "k%04d".formatted(i)));
        }
        return kiosks;
    }

    /** Every account, kiosks first (stable order for generated files). */
    public List<Account> all() {
        List<Account> all = new ArrayList<>(sortedKiosks());
        all.add(hub);
        return all;
    }

    /** The kiosk accounts ordered by kiosk id. */
    public List<Account> sortedKiosks() {
        return kiosks.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(KioskAddress::kioskId)))
                .map(Map.Entry::getValue).toList();
    }

    /** Lower-case hex SHA-256 of a secret, the form store.yaml's {@code password-sha256} takes. */
    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
