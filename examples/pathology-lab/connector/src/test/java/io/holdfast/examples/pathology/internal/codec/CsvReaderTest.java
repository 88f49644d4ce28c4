package io.holdfast.examples.pathology.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsPlainRecordsNumberingTheHeaderZero() {
        List<CsvRecord> records = CsvReader.read("a,b,c\r\n1,2,3\r\n4,,6\r\n");
        assertThat(records).extracting(CsvRecord::number).containsExactly(0, 1, 2);
        assertThat(records.get(2).fields()).containsExactly("4", "", "6");
        assertThat(records.get(1).raw()).isEqualTo("1,2,3");
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        List<CsvRecord> records = CsvReader.read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"line1\r\nline2\",z\r\n");
        assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("line1\r\nline2", "z");
        assertThat(records.get(2).raw()).isEqualTo("\"line1\r\nline2\",z");
        assertThat(records).noneMatch(CsvRecord::malformed);
    }

    @Test
    void acceptsBareLineFeedsABomAndNoFinalLineBreakAndSkipsBlankLines() {
        List<CsvRecord> records = CsvReader.read("\uFEFFa,b\n\n1,2\n   \n3,4");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records.get(2).fields()).containsExactly("3", "4");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldSpoilsOnlyItsOwnLine() {
        List<CsvRecord> records = CsvReader.read("a,b\r\n1,2\"3\r\n4,5\r\n");
        assertThat(records.get(1).problem()).hasValue("quote inside an unquoted field in column 2");
        assertThat(records.get(1).raw()).isEqualTo("1,2\"3");
        assertThat(records.get(2).fields()).containsExactly("4", "5");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        List<CsvRecord> records = CsvReader.read("a,b\r\n\"1\"x,2\r\n3,4\r\n");
        assertThat(records.get(1).problem()).hasValue("text after the closing quote in column 1");
        assertThat(records.get(2).fields()).containsExactly("3", "4");
    }

    @Test
    void anUnterminatedQuoteIsItsLineOnlySoTheRowsAfterItAreStillRead() {
        List<CsvRecord> records = CsvReader.read("a,b\r\n1,\"never closed\r\n2,3\r\n4,5\r\n");
        assertThat(records).hasSize(4);
        assertThat(records.get(1).problem()).hasValue("unterminated quoted field in column 2");
        assertThat(records.get(1).raw()).isEqualTo("1,\"never closed");
        assertThat(records.get(2).fields()).containsExactly("2", "3");
        assertThat(records.get(3).number()).isEqualTo(3);
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(CsvReader.read("")).isEmpty();
        assertThat(CsvReader.read("\r\n\r\n")).isEmpty();
    }
}
