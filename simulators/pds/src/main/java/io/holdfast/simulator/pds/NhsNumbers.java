package io.holdfast.simulator.pds;

/** NHS number check: ten digits whose last is the Modulus 11 check digit of the first nine. */
final class NhsNumbers {
    private NhsNumbers() {
    }

    static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 10 || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int check = checkDigit(candidate.substring(0, 9));
        return check >= 0 && check == candidate.charAt(9) - '0';
    }

    /** The check digit for nine digits, or -1 when no number can be made from them (remainder 1). */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }
}
