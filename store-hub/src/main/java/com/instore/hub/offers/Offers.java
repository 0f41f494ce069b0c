package com.instore.hub.offers;

import com.instore.hub.members.Tier;
import com.instore.protocol.Offer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The store's offers and the rule that picks them for a tap. Immutable and thread-safe.
 * <p>
 * Rule: the offers whose audience includes the member's tier (or {@code ANONYMOUS} for an unknown card), the most exclusive
 * first (fewest audiences, then file order), at most {@link #MAX_SHOWN}: a Platinum member sees what only they get before the
 * offers everyone gets.
 */
public final class Offers {
    /** The screen shows at most this many offers. */
    public static final int MAX_SHOWN = 3;

    private static final System.Logger LOG = System.getLogger(Offers.class.getName());

    private final List<OfferFile.Entry> entries;

    Offers(List<OfferFile.Entry> entries) {
        this.entries = List.copyOf(entries);
        entries.forEach(Offers::checkAudiences);
        audiences().filter(a -> this.entries.stream().noneMatch(e -> e.tiers().contains(a)))
                .forEach(a -> LOG.log(System.Logger.Level.WARNING, "no offer fits {0}: such taps show none", a));
    }

    /** Reads the offers file; an unknown tier name fails with the offer's id. */
    public static Offers load(Path file) throws IOException {
        try {
            return new Offers(OfferFile.read(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The offers for a member of {@code tier}, or for an anonymous shopper when empty. */
    public List<Offer> select(Optional<Tier> tier) {
        String audience = tier.map(Tier::name).orElse(OfferFile.ANONYMOUS);
        return entries.stream()
                .filter(e -> e.tiers().contains(audience))
                .sorted(Comparator.comparingInt(e -> e.tiers().size()))
                .limit(MAX_SHOWN)
                .map(e -> new Offer(e.id(), e.title(), e.detail()))
                .toList();
    }

    private static void checkAudiences(OfferFile.Entry entry) {
        entry.tiers().stream().filter(t -> audiences().noneMatch(t::equals)).findFirst().ifPresent(t -> {
            throw new IllegalArgumentException("offer '" + entry.id() + "' names unknown tier '" + t + "'");
        });
    }

    private static Stream<String> audiences() {
        return Stream.concat(Arrays.stream(Tier.values()).map(Tier::name), Stream.of(OfferFile.ANONYMOUS));
    }
}
