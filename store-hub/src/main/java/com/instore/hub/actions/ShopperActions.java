package com.instore.hub.actions;

import com.instore.hub.db.Database;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.members.Member;
import com.instore.hub.members.Members;
import com.instore.hub.mqtt.Inbound;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.hub.offers.Offers;
import com.instore.hub.taps.TapPipeline;
import com.instore.protocol.Channel;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.ShopperAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Shopper actions from the kiosk screens ({@link Channel#ACTION}). An action names the tap it was made on; the hub maps the
 * tap to its member and refuses an action on a tap of another kiosk, on an anonymous tap, or on a tap older than
 * {@code hub.actions.max-age} (default two minutes: the shopper has left, someone else may be at the screen). A
 * redelivered action (same id) changes nothing twice. Effects are published after commit: the redrawn screen (QoS 1,
 * expiry 5 s, correlation = tap id) and a print job (QoS 1, expiry 60 s). Runs on the hub executor; blocking.
 */
public final class ShopperActions {
    static final long PRINT_EXPIRY_SECONDS = 60;
    static final long SCREEN_EXPIRY_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(ShopperActions.class.getName());

    private final Fleet fleet;
    private final Database db;
    private final Members members;
    private final ActionTaps taps = new ActionTaps();
    private final ActionApplier applier;
    private final MessageCodec codec;
    private final TapPipeline.Answers publisher;
    private final Duration maxAge;
    private final MeterRegistry registry;
    private final Clock clock;

    public ShopperActions(Fleet fleet, Database db, Members members, Offers offers, MessageCodec codec,
                          TapPipeline.Answers publisher, Duration maxAge, String publicUrl, ZoneId zone,
                          MeterRegistry registry, Clock clock) {
        this.fleet = fleet;
        this.db = db;
        this.members = members;
        this.applier = new ActionApplier(members, offers, codec, fleet.storeName(), publicUrl, zone);
        this.codec = codec;
        this.publisher = publisher;
        this.maxAge = maxAge;
        this.registry = registry;
        this.clock = clock;
    }

    /** Handles one message from a kiosk's action topic. */
    public void handle(Inbound in) throws InvalidInbound, SQLException {
        KioskAddress kiosk = in.address().kiosk();
        ShopperAction action = validate(kiosk, in.payload());
        Instant now = clock.instant();
        Effects effects = db.inTransaction(c -> apply(c, action, now));
        count(action, effects.outcome());
        byte[] correlation = action.tapId().getBytes(StandardCharsets.UTF_8);
        effects.screen().ifPresent(s -> publisher.send(kiosk.topic(Channel.SCREEN), codec.encode(s), correlation,
                SCREEN_EXPIRY_SECONDS));
        effects.print().ifPresent(p -> publisher.send(kiosk.topic(Channel.PRINT), codec.encode(p), correlation,
                PRINT_EXPIRY_SECONDS));
        if (!"done".equals(effects.outcome()) && !"duplicate".equals(effects.outcome())) {
            LOG.log(System.Logger.Level.INFO, "action {0} on tap {1} refused: {2}", action.type(), action.tapId(),
                    effects.outcome());
        }
    }

    private Effects apply(Connection c, ShopperAction action, Instant now) throws SQLException {
        if (taps.seen(c, action.id())) {
            return Effects.refused("duplicate");
        }
        Effects effects = decide(c, action, now);
        taps.record(c, action.id(), action.tapId(), action.kioskId(), action.type().name(), now, effects.outcome());
        return effects;
    }

    private Effects decide(Connection c, ShopperAction action, Instant now) throws SQLException {
        Optional<ActionTaps.TapRef> tap = taps.tap(c, action.tapId());
        if (tap.isEmpty() || !tap.get().kioskId().equals(action.kioskId())) {
            return Effects.refused("unknown_tap");
        }
        if (tap.get().receivedAt().plus(maxAge).isBefore(now)) {
            return Effects.refused("too_old");
        }
        Optional<Member> member = tap.get().memberId() == null ? Optional.empty()
                : members.byId(c, tap.get().memberId());
        if (member.isEmpty()) {
            return Effects.refused("not_a_member");
        }
        return applier.apply(c, action, tap.get(), member.get(), now);
    }

    private ShopperAction validate(KioskAddress kiosk, byte[] payload) throws InvalidInbound {
        if (!fleet.isKnown(kiosk)) {
            throw InvalidInbound.unknownKiosk(kiosk);
        }
        ShopperAction action;
        try {
            action = codec.decode(payload, ShopperAction.class);
        } catch (InvalidMessageException e) {
            throw InvalidInbound.of(e);
        }
        if (!action.kioskId().equals(kiosk.kioskId())) {
            throw InvalidInbound.mismatch(action.kioskId(), kiosk.kioskId());
        }
        return action;
    }

    private void count(ShopperAction action, String outcome) {
        Counter.builder("hub.actions").description("Shopper actions from kiosk screens, by type and outcome")
                .tag("type", action.type().name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome)
                .register(registry).increment();
    }
}
