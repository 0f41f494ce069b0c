package com.instore.bench.load;

import com.instore.protocol.Credential;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Who taps: draws a credential for a tap at a kiosk following a {@link PopulationMix}. A repeat is the card tapped last at
 * the same kiosk (a shopper tapping twice); the first tap at a kiosk cannot be a repeat and counts as a member tap.
 * Unknown cards are random UIDs never in the roster. Seeded, so a run is reproducible. Not thread-safe: one sender thread.
 */
public final class Population {
    private final List<String> memberUids;
    private final Set<String> known;
    private final PopulationMix mix;
    private final Credential[] lastAtKiosk;
    private final Random random;

    public Population(List<String> memberUids, PopulationMix mix, int kiosks, long seed) {
        if (memberUids.isEmpty()) {
            throw new IllegalArgumentException("the population needs at least one member");
        }
        this.memberUids = List.copyOf(memberUids);
        this.known = new HashSet<>(memberUids);
        this.mix = mix;
        this.lastAtKiosk = new Credential[kiosks];
        this.random = new Random(seed);
    }

    /** A uniformly chosen kiosk index. */
    public int nextKiosk() {
        return random.nextInt(lastAtKiosk.length);
    }

    /** The next tap's credential at kiosk {@code kiosk} (0-based). */
    public Draw next(int kiosk) {
        double roll = random.nextDouble();
        Draw draw;
        if (roll < mix.repeats() && lastAtKiosk[kiosk] != null) {
            draw = new Draw(Kind.REPEAT, lastAtKiosk[kiosk]);
        } else if (roll >= mix.repeats() && roll < mix.repeats() + mix.unknown()) {
            draw = new Draw(Kind.UNKNOWN, new Credential(Credential.Type.CARD_UID, unknownUid()));
        } else {
            String uid = memberUids.get(random.nextInt(memberUids.size()));
            draw = new Draw(Kind.MEMBER, new Credential(Credential.Type.CARD_UID, uid));
        }
        lastAtKiosk[kiosk] = draw.credential();
        return draw;
    }

    private String unknownUid() {
        while (true) {
            String uid = "04" + String.format(Locale.ROOT, "%012X", random.nextLong() & 0xFFFF_FFFF_FFFFL);
            if (!known.contains(uid)) {
                return uid;
            }
        }
    }

    /** What kind of tap a draw is. */
    public enum Kind {
        MEMBER,
        UNKNOWN,
        REPEAT
    }

    /** One drawn tap. */
    public record Draw(Kind kind, Credential credential) {
    }
}
