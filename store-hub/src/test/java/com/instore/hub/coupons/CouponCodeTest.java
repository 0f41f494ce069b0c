package com.instore.hub.coupons;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CouponCodeTest {
    @Test
    void generate_givesThirteenSymbolsWithAValidCheck_andNoRepeatsInTenThousand() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CouponCode.generate();
            assertThat(code).hasSize(13);
            assertThat(CouponCode.parse(code)).contains(code);
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void parse_acceptsDisplayFormLowerCaseAndLookalikes() {
        String code = CouponCode.generate();
        assertThat(CouponCode.parse(CouponCode.display(code).toLowerCase())).contains(code);
        String withZero = "0" + code.substring(1);
        String fixed = withZero.substring(0, 12) + CouponCode.check(withZero.substring(0, 12));
        assertThat(CouponCode.parse("O" + fixed.substring(1))).contains(fixed);
    }

    @Test
    void parse_everySingleMistypedSymbol_isCaught() {
        String code = CouponCode.generate();
        for (int i = 0; i < code.length(); i++) {
            for (char c : CouponCode.ALPHABET.toCharArray()) {
                if (c != code.charAt(i)) {
                    String typo = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(CouponCode.parse(typo)).as(typo).isEmpty();
                }
            }
        }
    }
}
