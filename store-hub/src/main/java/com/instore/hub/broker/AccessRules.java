package com.instore.hub.broker;

import com.instore.hub.secrets.SecretFile;
import com.instore.protocol.KioskAddress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Decides who a CONNECT is and what it may do, per CONVENTIONS: a kiosk {@code {store}/{kiosk}} with its own secret and its
 * own client id gets its own subtree; {@code hub} gets {@code stores/#}; {@code monitor} may only subscribe to
 * {@code stores/#}. Client ids starting with {@code kiosk-} or {@code hub-} are reserved for their owners, so that nobody
 * can take over (and disconnect) a kiosk's session. Thread-safe, non-blocking.
 */
final class AccessRules {
    static final String EVERYTHING = "stores/#";

    private final Accounts accounts;

    AccessRules(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The outcome of a CONNECT. */
    sealed interface Decision permits Allowed, Refused {
    }

    record Allowed(Grant grant) implements Decision {
    }

    /** {@code badCredentials} false means the credentials were right but the client id was not theirs. */
    record Refused(boolean badCredentials, String why) implements Decision {
    }

    Decision decide(Optional<String> user, Optional<byte[]> password, String clientId) {
        if (user.isEmpty() || password.isEmpty()) {
            return new Refused(true, "no user name or password");
        }
        String fingerprint = SecretFile.sha256Hex(new String(password.get(), StandardCharsets.UTF_8));
        String name = user.get();
        if (Accounts.HUB_USER.equals(name)) {
            return service(fingerprint, accounts.hubPasswordSha256(), clientId, Accounts.hubClientId(accounts.storeId()),
                    new Grant(name, List.of(EVERYTHING), List.of(EVERYTHING)));
        }
        if (Accounts.MONITOR_USER.equals(name)) {
            return monitor(fingerprint, clientId);
        }
        return kiosk(name, fingerprint, clientId);
    }

    private Decision kiosk(String user, String fingerprint, String clientId) {
        Optional<KioskAddress> kiosk = parseKioskUser(user);
        Optional<String> expected = kiosk.flatMap(k -> accounts.kioskFingerprint().apply(k.kioskId()));
        if (expected.isEmpty() || !SecretFile.sameHex(expected.get(), fingerprint)) {
            return new Refused(true, "unknown user or wrong password for '" + user + "'");
        }
        KioskAddress k = kiosk.get();
        return service(fingerprint, expected.get(), clientId, Accounts.kioskClientId(k.storeId(), k.kioskId()),
                new Grant(user, List.of(k.subtree()), List.of(k.subtree())));
    }

    private Decision monitor(String fingerprint, String clientId) {
        if (!SecretFile.sameHex(accounts.monitorPasswordSha256(), fingerprint)) {
            return new Refused(true, "wrong password for 'monitor'");
        }
        if (clientId.startsWith("kiosk-") || clientId.startsWith("hub-")) {
            return new Refused(false, "client id '" + clientId + "' is reserved");
        }
        return new Allowed(new Grant(Accounts.MONITOR_USER, List.of(), List.of(EVERYTHING)));
    }

    private static Decision service(String fingerprint, String expected, String clientId, String ownClientId, Grant grant) {
        if (!SecretFile.sameHex(expected, fingerprint)) {
            return new Refused(true, "wrong password for '" + grant.who() + "'");
        }
        if (!ownClientId.equals(clientId) && !(ownClientId.startsWith("hub-") && clientId.startsWith(ownClientId + "-"))) {
            return new Refused(false, "'" + grant.who() + "' must use client id '" + ownClientId + "', not '" + clientId + "'");
        }
        return new Allowed(grant);
    }

    /**
     * What an already connected client may do, for an external broker's per-topic questions (no password then): the
     * hub's and the monitor's grants, a known kiosk's own subtree; empty for anyone else.
     */
    Optional<Grant> grantOf(String user, String clientId) {
        if (Accounts.HUB_USER.equals(user)) {
            return ownsHubClientId(clientId)
                    ? Optional.of(new Grant(user, List.of(EVERYTHING), List.of(EVERYTHING))) : Optional.empty();
        }
        if (Accounts.MONITOR_USER.equals(user)) {
            return Optional.of(new Grant(user, List.of(), List.of(EVERYTHING)));
        }
        return parseKioskUser(user).filter(k -> accounts.kioskFingerprint().apply(k.kioskId()).isPresent())
                .filter(k -> Accounts.kioskClientId(k.storeId(), k.kioskId()).equals(clientId))
                .map(k -> new Grant(user, List.of(k.subtree()), List.of(k.subtree())));
    }

    /**
     * Whether this store decides about {@code user}: its own kiosks and hub client ids; the monitor only with our
     * password. A chain's broker asks every store's hub in turn; the others answer "not mine".
     */
    boolean isOurs(String user, String clientId, Optional<byte[]> password) {
        if (Accounts.HUB_USER.equals(user)) {
            return ownsHubClientId(clientId);
        }
        if (Accounts.MONITOR_USER.equals(user)) {
            return password.map(p -> SecretFile.sameHex(accounts.monitorPasswordSha256(),
                    SecretFile.sha256Hex(new String(p, StandardCharsets.UTF_8)))).orElse(true);
        }
        return user.startsWith(accounts.storeId() + "/");
    }

    private boolean ownsHubClientId(String clientId) {
        String own = Accounts.hubClientId(accounts.storeId());
        return clientId.equals(own) || clientId.startsWith(own + "-");
    }

    private Optional<KioskAddress> parseKioskUser(String user) {
        String[] parts = user.split("/", -1);
        if (parts.length != 2 || !parts[0].equals(accounts.storeId())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KioskAddress(parts[0], parts[1]));
        } catch (IllegalArgumentException notAKiosk) {
            return Optional.empty();
        }
    }
}
