package dev.loyalty.adapters.web.problem;

/** The short human title of a problem code: its words, capitalised. */
final class Titles {
    private Titles() {}

    static String of(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
