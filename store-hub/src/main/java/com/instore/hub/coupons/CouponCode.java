package com.instore.hub.coupons;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Coupon codes: 12 random symbols of Crockford's base 32 (60 bits from a SecureRandom: unguessable) and a Luhn mod 32
 * check symbol that catches every single mistyped symbol and most swaps of neighbours. Shown as {@code ABCD-EFGH-JKLMN};
 * typed in any case, with or without dashes, O read as 0 and I or L as 1. Thread-safe.
 */
public final class CouponCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int RANDOM_SYMBOLS = 12;
    private static final int N = ALPHABET.length();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponCode() {
    }

    /** A new code, 13 symbols, without dashes. */
    static String generate() {
        StringBuilder code = new StringBuilder(RANDOM_SYMBOLS + 1);
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(N)));
        }
        return code.append(check(code)).toString();
    }

    /** The canonical form of what a person or a scanner typed, when it is a well-formed code with a right check symbol. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != RANDOM_SYMBOLS + 1 || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        return check(code.substring(0, RANDOM_SYMBOLS)) == code.charAt(RANDOM_SYMBOLS) ? Optional.of(code)
                : Optional.empty();
    }

    /** {@code ABCD-EFGH-JKLMN}: easier to read aloud and to type at a till. */
    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** Luhn mod N: doubles every second symbol from the right, folds each product into base N, sums. */
    static char check(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}
