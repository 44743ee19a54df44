package cn.zhicheng.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.export.XlsxWriter.Style;
import cn.zhicheng.core.testing.XlsxReading;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The xlsx writer without a server: cell references, text that needs escaping, styles, merges, stable bytes. */
class XlsxWriterTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @Test
    void writesAWorkbookASpreadsheetProgramCanRead() throws Exception {
        XlsxWriter writer = new XlsxWriter("统计表").widths(6, 20)
                .row(Style.TITLE, "标题 <R16> & \"附件4\"\u0007").merge(0, 0, 0, 1)
                .row(Style.CELL, 1, "  前后空格  ", null, 0.5, true);
        for (int i = 0; i < 30; i++) {
            writer.row(Style.CELL, new Object[30]);
        }
        byte[] bytes = writer.toBytes();
        Map<String, String> cells = XlsxReading.cells(bytes);
        assertEquals("标题 <R16> & \"附件4\"", cells.get("A1"), "escaped, the control character dropped");
        assertEquals("1", cells.get("A2"));
        assertEquals("  前后空格  ", cells.get("B2"), "spaces kept (xml:space)");
        assertFalse(cells.containsKey("C2"), "an empty cell has no value");
        assertEquals("0.5", cells.get("D2"));
        assertEquals("1", cells.get("E2"));

        Document sheet = XlsxReading.parts(bytes).get("xl/worksheets/sheet1.xml");
        assertEquals("A1:B1", ((Element) sheet.getElementsByTagNameNS(MAIN, "mergeCell").item(0)).getAttribute("ref"));
        Element percent = (Element) sheet.getElementsByTagNameNS(MAIN, "c").item(4);
        assertEquals("D2", percent.getAttribute("r"));
        assertEquals(String.valueOf(Style.CELL.ordinal()), percent.getAttribute("s"));
        assertEquals(32, sheet.getElementsByTagNameNS(MAIN, "row").getLength());
        assertTrue(sheet.getElementsByTagNameNS(MAIN, "c").getLength() > 900, "empty styled cells are written");
        Document workbook = XlsxReading.parts(bytes).get("xl/workbook.xml");
        assertEquals("统计表", ((Element) workbook.getElementsByTagNameNS(MAIN, "sheet").item(0)).getAttribute("name"));
    }

    @Test
    void sameTableSameBytes() {
        byte[] first = new XlsxWriter("表").row(Style.CELL, "a", 1).toBytes();
        byte[] second = new XlsxWriter("表").row(Style.CELL, "a", 1).toBytes();
        assertArrayEquals(first, second);
    }

    @Test
    void columnLettersGoPastZ() throws Exception {
        Object[] values = new Object[53];
        values[25] = "Z";
        values[26] = "AA";
        values[51] = "AZ";
        values[52] = "BA";
        Map<String, String> cells = XlsxReading.cells(new XlsxWriter("s").row(Style.TEXT, values).toBytes());
        assertEquals("Z", cells.get("Z1"));
        assertEquals("AA", cells.get("AA1"));
        assertEquals("AZ", cells.get("AZ1"));
        assertEquals("BA", cells.get("BA1"));
    }

    @Test
    void refusesASheetNameExcelWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> new XlsxWriter("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new XlsxWriter("x".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> new XlsxWriter(" "));
    }
}
