package io.holdfast.simulator.pds;

import java.util.Locale;

/** American Soundex, the homophone match the published fuzzy search names (Smith ~ Smythe). */
final class Soundex {
    private static final String CODES = "01230120022455012623010202"; // a..z

    private Soundex() {
    }

    static String of(String name) {
        String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (letters.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder().append(Character.toUpperCase(letters.charAt(0)));
        char last = CODES.charAt(letters.charAt(0) - 'a');
        for (int i = 1; i < letters.length() && out.length() < 4; i++) {
            char c = letters.charAt(i);
            char code = CODES.charAt(c - 'a');
            if (code != '0' && code != last) {
                out.append(code);
            }
            if (c != 'h' && c != 'w') {
                last = code;
            }
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }
}
