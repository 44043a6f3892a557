package dev.hailway.identity.accounts;

/**
 * C0, DEL and C1 (Unicode category Cc: NUL, BEL, ESC, ...). No one types them in a name, an address or a password;
 * they come from a paste accident or an attack on whatever shows the text later (a terminal, a log viewer), and
 * PostgreSQL refuses NUL in text outright.
 */
public final class ControlCharacters {

    /** For {@code @Pattern}: text without any of them. */
    public static final String NONE = "\\P{Cc}*";

    private ControlCharacters() {
    }

    public static boolean in(CharSequence text) {
        return text.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.CONTROL);
    }
}
