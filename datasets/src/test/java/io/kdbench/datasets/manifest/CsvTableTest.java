package io.kdbench.datasets.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "\uFEFFid, report ,x\r\na,\"one, two\",1\n\nb,\"says \"\"hi\"\"\nnext line\",2\nc, plain ,3");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("id", "report", "x"), t.header());
        assertEquals(3, t.rows().size());
        assertEquals("one, two", t.cell(t.rows().get(0), "report"));
        assertEquals("says \"hi\"\nnext line", t.cell(t.rows().get(1), "report"));
        assertEquals("plain", t.cell(t.rows().get(2), "report"));
        assertEquals(2, t.rows().get(1).number());
        assertEquals(4, t.rows().get(1).line()); // after a blank line
        assertEquals(6, t.rows().get(2).line()); // the report spans two lines
        assertEquals("", t.cell(t.rows().get(0), "no-such-column"));
    }

    @Test
    void raggedRowsAndRepeatedColumnsAreRefused() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "id,image\na,x.png\nb,y.png,extra\n");
        String m = assertThrows(ManifestException.class, () -> CsvTable.read(f)).getMessage();
        assertTrue(m.contains("m.csv") && m.contains("line 3") && m.contains("row 2 has 3 cells"), m);
        Files.writeString(f, "id,id\na,b\n");
        m = assertThrows(ManifestException.class, () -> CsvTable.read(f)).getMessage();
        assertTrue(m.contains("column 'id' appears twice"), m);
        Files.writeString(f, "id,report\na,\"never closed\n");
        m = assertThrows(ManifestException.class, () -> CsvTable.read(f)).getMessage();
        assertTrue(m.contains("line 2") && m.contains("never closed"), m);
    }
}
