package com.instore.hub.identity;

import com.instore.hub.kiosks.Location;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.MeterRegistry;

import java.sql.Connection;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a tapped credential into a member (DESIGN.md section 5) and links credentials to members. A member may hold several
 * credentials; a credential belongs to one member. Verified presence: a signed phone token with a rising counter, an NTAG
 * 424 DNA SUN message with a valid CMAC and a rising counter, or one of our signed NDEF member tokens. A bare card UID or
 * NDEF text is weak: it may greet, never prove presence, and is checked for clones. Thread-safe; methods block on the
 * caller's connection.
 */
public final class Identity {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CardUidHmac fingerprints;
    private final NdefToken ndefTokens;
    private final SunKeys sunKeys;
    private final CredentialTable table = new CredentialTable();
    private final CloneCheck clones;
    private final Flags flags;

    public Identity(IdentityConfig config, String storeSecret, Function<String, Optional<Location>> kioskPlaces,
                    MeterRegistry registry) {
        this.fingerprints = new CardUidHmac(storeSecret);
        this.ndefTokens = new NdefToken(storeSecret);
        this.sunKeys = SunKeys.load(config);
        this.clones = new CloneCheck(config, kioskPlaces);
        this.flags = new Flags(registry);
    }

    /** Resolves the tap's credential on the tap's transaction; flags replays, forgeries and probable clones. */
    public Resolution resolve(Connection c, KioskAddress kiosk, TapEvent tap) throws SQLException {
        String value = tap.credential().value();
        Resolution r = switch (tap.credential().type()) {
            case CARD_UID -> weak(c, fingerprints.hash(value).map(h -> new CredentialKey(CredentialKey.Kind.CARD_UID, h)));
            case PHONE -> phone(c, value);
            case SUN -> sun(c, value);
            case NDEF -> ndef(c, value);
        };
        if (r.status() == Resolution.Status.REJECTED) {
            flagRejected(c, r, tap, kiosk);
            return r;
        }
        if (r.key().weak()) {
            Optional<String> clone = clones.check(c, r.key(), kiosk, tap.at());
            if (clone.isPresent()) {
                flags.flag(c, r.key(), Flags.CLONE, clone.get(), kiosk, tap.id(), tap.at());
                return r.suspected("probable clone: " + clone.get());
            }
        }
        return r;
    }

    private void flagRejected(Connection c, Resolution r, TapEvent tap, KioskAddress kiosk) throws SQLException {
        if (r.problem().startsWith(Flags.REPLAY) || r.problem().startsWith(Flags.BAD_SIGNATURE)) {
            CredentialKey key = r.key() != null ? r.key() : new CredentialKey(tap.credential().type().name(),
                    fingerprints.text("raw", tap.credential().value()));
            flags.flag(c, key, r.problem().substring(0, r.problem().indexOf(':')), r.problem(), kiosk, tap.id(), tap.at());
        }
    }

    private Resolution weak(Connection c, Optional<CredentialKey> key) throws SQLException {
        if (key.isEmpty()) {
            return Resolution.rejected(null, "unreadable: not a card UID");
        }
        return known(c, key.get(), null, false);
    }

    private Resolution known(Connection c, CredentialKey key, Long counter, boolean verified) throws SQLException {
        Optional<String> member = table.find(c, key).map(CredentialTable.Linked::memberId);
        return new Resolution(member.isPresent() ? Resolution.Status.KNOWN : Resolution.Status.UNKNOWN, member, key,
                counter, verified, false, "");
    }

    private Resolution phone(Connection c, String value) throws SQLException {
        Optional<PhoneToken.Parsed> token = PhoneToken.parse(value);
        if (token.isEmpty()) {
            return Resolution.rejected(null, "unreadable: not a phone token");
        }
        CredentialKey key = new CredentialKey(CredentialKey.Kind.PHONE, token.get().credentialId());
        Optional<CredentialTable.Linked> linked = table.find(c, key);
        if (linked.isEmpty()) {
            return Resolution.rejected(key, "unlinked: this phone is not linked to a membership");
        }
        if (!PhoneToken.verify(token.get(), linked.get().publicKey())) {
            return Resolution.rejected(key, Flags.BAD_SIGNATURE + ": the phone token's signature is wrong");
        }
        return counted(c, key, linked.get(), token.get().counter());
    }

    private Resolution counted(Connection c, CredentialKey key, CredentialTable.Linked linked, long counter)
            throws SQLException {
        if (!table.advance(c, key, counter)) {
            return Resolution.rejected(key, Flags.REPLAY + ": counter " + counter + " is not above the last accepted "
                    + linked.lastCounter());
        }
        return new Resolution(Resolution.Status.KNOWN, Optional.of(linked.memberId()), key, counter, true, false, "");
    }

    private Resolution sun(Connection c, String value) throws SQLException {
        if (sunKeys.fileKey() == null) {
            return Resolution.rejected(null, "unverifiable: no SUN keys are configured (hub.identity.sun.*)");
        }
        Optional<SunMessage.Verified> tag = SunMessage.verify(value, sunKeys.metaKey(), sunKeys.fileKey());
        if (tag.isEmpty()) {
            return Resolution.rejected(null, Flags.BAD_SIGNATURE + ": the SUN message's CMAC does not verify");
        }
        CredentialKey key = new CredentialKey(CredentialKey.Kind.SUN, fingerprints.hash(tag.get().uidHex()).orElseThrow());
        Optional<CredentialTable.Linked> linked = table.find(c, key);
        if (linked.isPresent()) {
            return counted(c, key, linked.get(), tag.get().counter());
        }
        return new Resolution(Resolution.Status.UNKNOWN, Optional.empty(), key, (long) tag.get().counter(), true, false,
                "");
    }

    private Resolution ndef(Connection c, String value) throws SQLException {
        if (NdefToken.looksLike(value)) {
            Optional<String> tokenId = ndefTokens.verify(value);
            if (tokenId.isEmpty()) {
                return Resolution.rejected(null, Flags.BAD_SIGNATURE + ": the NDEF member token's MAC is wrong");
            }
            return known(c, new CredentialKey(CredentialKey.Kind.NDEF, tokenId.get()), null, true);
        }
        if (SunMessage.looksLike(value)) {
            return sun(c, value);
        }
        return weak(c, Optional.of(new CredentialKey(CredentialKey.Kind.NDEF_TEXT, fingerprints.text("ndef", value))));
    }

    /**
     * Links a resolved credential to a member (from the join page).
     *
     * @throws IllegalStateException when another member holds it
     */
    public void link(Connection c, String memberId, CredentialKey key, Long counter, Instant now) throws SQLException {
        table.link(c, memberId, key, null, counter, now);
    }

    /** Links a card by its UID (staff or demo); empty when {@code uid} is not a UID. */
    public Optional<CredentialKey> linkCard(Connection c, String memberId, String uid, Instant now) throws SQLException {
        Optional<CredentialKey> key = fingerprints.hash(uid).map(h -> new CredentialKey(CredentialKey.Kind.CARD_UID, h));
        if (key.isPresent()) {
            table.link(c, memberId, key.get(), null, null, now);
        }
        return key;
    }

    /**
     * Registers a phone's Ed25519 public key for a member; returns the credential id the phone puts in its tokens.
     *
     * @throws IllegalArgumentException when the key is not an Ed25519 public key
     */
    public String linkPhone(Connection c, String memberId, String publicKeyBase64, Instant now) throws SQLException {
        PhoneToken.publicKey(publicKeyBase64);
        String id = HexFormat.of().formatHex(randomId());
        table.link(c, memberId, new CredentialKey(CredentialKey.Kind.PHONE, id), publicKeyBase64.strip(), null, now);
        return id;
    }

    /** Issues a signed NDEF member token for a member; returns the text to write on the tag. */
    public String issueNdefToken(Connection c, String memberId, Instant now) throws SQLException {
        NdefToken.Issued issued = ndefTokens.issue();
        table.link(c, memberId, new CredentialKey(CredentialKey.Kind.NDEF, issued.tokenId()), null, null, now);
        return issued.text();
    }

    /** Links a SUN tag by its UID (hex), with the tag's current counter if known. */
    public CredentialKey linkSunTag(Connection c, String memberId, String uidHex, Long counter, Instant now)
            throws SQLException {
        CredentialKey key = new CredentialKey(CredentialKey.Kind.SUN, fingerprints.hash(uidHex)
                .orElseThrow(() -> new IllegalArgumentException("not a tag UID: " + uidHex)));
        table.link(c, memberId, key, null, counter, now);
        return key;
    }

    /** The credentials a member holds. */
    public List<LinkedCredential> credentialsOf(Connection c, String memberId) throws SQLException {
        return table.of(c, memberId);
    }

    /** Unlinks every credential of a member; returns how many. */
    public int unlinkAll(Connection c, String memberId) throws SQLException {
        return table.unlinkAll(c, memberId);
    }

    private static byte[] randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return id;
    }
}
