package dev.loyalty.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CouponCodeTest {

    private static List<CouponCode> samples() {
        SplittableRandom random = new SplittableRandom(20250301L);
        List<CouponCode> codes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            codes.add(CouponCode.generate(random));
        }
        return codes;
    }

    private static boolean accepted(String candidate) {
        try {
            CouponCode.parse(candidate);
            return true;
        } catch (CouponCodeInvalidException e) {
            return false;
        }
    }

    @Test
    void generatedCodesAreNineSymbolsOfTheAlphabet() {
        for (CouponCode code : samples()) {
            assertThat(code.value()).hasSize(9).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{9}");
            assertThat(CouponCode.parse(code.value())).isEqualTo(code);
        }
    }

    @Test
    void catchesEverySingleSymbolSubstitution() {
        for (CouponCode code : samples()) {
            for (int position = 0; position < CouponCode.LENGTH; position++) {
                for (char symbol : CouponCode.ALPHABET.toCharArray()) {
                    if (symbol != code.value().charAt(position)) {
                        char[] typo = code.value().toCharArray();
                        typo[position] = symbol;
                        assertThat(accepted(new String(typo)))
                                .as("%s with %s at %d", code, symbol, position)
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void catchesEveryAdjacentTransposition() {
        for (CouponCode code : samples()) {
            for (int position = 0; position + 1 < CouponCode.LENGTH; position++) {
                char[] swapped = code.value().toCharArray();
                if (swapped[position] != swapped[position + 1]) {
                    char first = swapped[position];
                    swapped[position] = swapped[position + 1];
                    swapped[position + 1] = first;
                    assertThat(accepted(new String(swapped)))
                            .as("%s swapped at %d", code, position)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void theQuasigroupIsTotallyAntiSymmetricOverEveryPair() {
        // (c*x)*y == (c*y)*x only when x == y, for every interim c: transpositions are caught anywhere.
        for (int c = 0; c < 32; c++) {
            for (int x = 0; x < 32; x++) {
                for (int y = 0; y < 32; y++) {
                    boolean same = CouponCode.operate(CouponCode.operate(c, x), y)
                            == CouponCode.operate(CouponCode.operate(c, y), x);
                    assertThat(same).isEqualTo(x == y);
                }
            }
        }
    }

    @Test
    void parsingIsCaseInsensitiveAndIgnoresSpacesAndDashes() {
        CouponCode code = CouponCode.generate(new SplittableRandom(7));
        String messy = "  " + code.printable().toLowerCase().replace("-", " - ") + " ";
        assertThat(CouponCode.parse(messy)).isEqualTo(code);
        assertThat(code.printable()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]");
        assertThat(code).hasToString(code.value());
    }

    @Test
    void ambiguousSymbolsAreNotMappedButRejected() {
        String payload = "ABCDEFGH";
        CouponCode code = new CouponCode(payload + CouponCode.checkSymbol(payload));
        assertThat(code.value()).startsWith(payload);
        assertThatThrownBy(() -> CouponCode.parse("0BCDEFGH" + CouponCode.checkSymbol(payload)))
                .isInstanceOf(CouponCodeInvalidException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ABCDEFGH", "ABCDEFGHJK", "ABCDEFGH0", "ABCDEFGHI", "ABCD_EFGH_J", "ABCDÉFGHJ"})
    void rejectsBadFormatsAsCouponCodeInvalid(String raw) {
        assertThatThrownBy(() -> CouponCode.parse(raw)).isInstanceOfSatisfying(CouponCodeInvalidException.class, e -> {
            assertThat(e.code()).isEqualTo("coupon-code-invalid");
            assertThat(e.field()).isEqualTo("couponCode");
        });
    }
}
