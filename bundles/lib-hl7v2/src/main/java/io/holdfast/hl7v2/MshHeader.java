package io.holdfast.hl7v2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MSH segment read straight from the bytes, without HAPI: enough to build an ACK (and pick the
 * charset) even for a message HAPI cannot parse. MSH is ASCII in every charset HL7 UK traffic uses
 * (ASCII, 8859/1, UTF-8), so reading it as ISO-8859-1 is safe.
 *
 * @param fields MSH fields by HL7 number: index 1 = field separator, 2 = encoding characters, ...
 */
public record MshHeader(List<String> fields) {
    public static final int SENDING_APPLICATION = 3;
    public static final int SENDING_FACILITY = 4;
    public static final int RECEIVING_APPLICATION = 5;
    public static final int RECEIVING_FACILITY = 6;
    public static final int DATE_TIME = 7;
    public static final int MESSAGE_TYPE = 9;
    public static final int CONTROL_ID = 10;
    public static final int PROCESSING_ID = 11;
    public static final int VERSION = 12;
    public static final int ACCEPT_ACK_TYPE = 15;
    public static final int APPLICATION_ACK_TYPE = 16;
    public static final int CHARACTER_SET = 18;

    public MshHeader {
        fields = List.copyOf(fields);
    }

    /**
     * Reads MSH from the start of a message (leading CR/LF/whitespace tolerated); empty if there is
     * none or if its delimiters are unusable ({@link #problem(byte[])} says which).
     */
    public static Optional<MshHeader> read(byte[] message) {
        int start = skipBlankLines(message);
        if (!startsWithMsh(message, start)) {
            return Optional.empty();
        }
        int end = start;
        while (end < message.length && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        String line = new String(message, start, end - start, StandardCharsets.ISO_8859_1);
        if (delimiterProblem(line).isPresent()) {
            return Optional.empty();
        }
        char separator = line.charAt(3);
        List<String> fields = new ArrayList<>();
        fields.add("MSH");
        fields.add(String.valueOf(separator));
        int from = 4;
        while (true) {
            int next = line.indexOf(separator, from);
            fields.add(next < 0 ? line.substring(from) : line.substring(from, next));
            if (next < 0) {
                break;
            }
            from = next + 1;
        }
        return Optional.of(new MshHeader(fields));
    }

    /**
     * Why {@link #read(byte[])} finds no usable MSH, in words that quote no content (so it can go
     * into a journal and an ACK); empty when it does find one. Only for the rejection path.
     */
    public static Optional<String> problem(byte[] message) {
        int start = skipBlankLines(message);
        if (!startsWithMsh(message, start)) {
            return Optional.of("the message does not start with an MSH segment");
        }
        int end = start;
        while (end < message.length && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        return delimiterProblem(new String(message, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static int skipBlankLines(byte[] message) {
        int start = 0;
        while (start < message.length && (message[start] == '\r' || message[start] == '\n' || message[start] == ' ')) {
            start++;
        }
        return start;
    }

    private static boolean startsWithMsh(byte[] message, int start) {
        return message.length - start >= 3 && message[start] == 'M' && message[start + 1] == 'S' && message[start + 2] == 'H';
    }

    /**
     * MSH-1 must be one delimiter character and MSH-2 four distinct ones (a fifth, the v2.7
     * truncation character, is allowed), none equal to MSH-1, none a letter, digit or blank:
     * with anything else no field of the message, MSH-10 included, can be read reliably.
     */
    private static Optional<String> delimiterProblem(String line) {
        if (line.length() < 4 || !isDelimiter(line.charAt(3))) {
            return Optional.of("MSH has no field separator (MSH-1)");
        }
        char separator = line.charAt(3);
        int end = line.indexOf(separator, 4);
        end = end < 0 ? line.length() : end;
        int length = end - 4;
        if (length < 4 || length > 5) {
            return Optional.of("MSH-2 encoding characters must be 4 characters, not " + length);
        }
        for (int i = 4; i < end; i++) {
            char c = line.charAt(i);
            if (c == separator || !isDelimiter(c) || line.indexOf(c, 4) != i) {
                return Optional.of("MSH-2 encoding characters must be distinct delimiters different from the field separator (MSH-1)");
            }
        }
        return Optional.empty();
    }

    private static boolean isDelimiter(char c) {
        return c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c);
    }

    /** A whole field, empty string if absent. */
    public String field(int number) {
        return number < fields.size() ? fields.get(number) : "";
    }

    /** The first component of a field's first repetition. */
    public String first(int number) {
        return component(number, 1);
    }

    /** Component {@code n} (1-based) of a field's first repetition, empty if absent. */
    public String component(int number, int n) {
        String value = field(number);
        int rep = value.indexOf(repetitionSeparator());
        if (rep >= 0) {
            value = value.substring(0, rep);
        }
        String[] parts = value.split(java.util.regex.Pattern.quote(String.valueOf(componentSeparator())), -1);
        return n <= parts.length ? parts[n - 1] : "";
    }

    public char fieldSeparator() {
        return fields.get(1).charAt(0);
    }

    public String encodingCharacters() {
        return fields.get(2);
    }

    public char componentSeparator() {
        return encodingCharacters().charAt(0);
    }

    public char repetitionSeparator() {
        return encodingCharacters().length() > 1 ? encodingCharacters().charAt(1) : '~';
    }

    public String controlId() {
        return field(CONTROL_ID);
    }

    public String version() {
        return first(VERSION);
    }

    /** {@code ADT^A01} form (message code and trigger), empty parts left out. */
    public String messageType() {
        String code = component(MESSAGE_TYPE, 1);
        String trigger = component(MESSAGE_TYPE, 2);
        return trigger.isEmpty() ? code : code + "^" + trigger;
    }

    /** True if the sender asked for enhanced acknowledgement (MSH-15 or MSH-16 valued). */
    public boolean enhancedMode() {
        return !first(ACCEPT_ACK_TYPE).isBlank() || !first(APPLICATION_ACK_TYPE).isBlank();
    }

    @Override
    public String toString() {
        return "MshHeader[" + messageType() + " " + controlId() + " v" + version() + "]";
    }
}
