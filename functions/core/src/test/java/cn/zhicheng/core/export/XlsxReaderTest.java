package cn.zhicheng.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.export.XlsxReader.NotXlsxException;
import cn.zhicheng.core.export.XlsxReader.Row;
import cn.zhicheng.core.export.XlsxWriter.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The xlsx reader without a server: our own sheets read back, Excel's own parts, dates, and hostile files. */
class XlsxReaderTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

    @Test
    void readsBackWhatTheWriterWrote() {
        byte[] bytes = new XlsxWriter("评聘信息").row(Style.HEADER, "姓名", "数量", "有效")
                .row(Style.CELL, "  张 & <三>  ", 12.5, true)
                .row(Style.CELL, new Object[3])
                .row(Style.CELL, null, 7).toBytes();
        XlsxReader.Sheet sheet = new XlsxReader().firstSheet(bytes);
        assertEquals("评聘信息", sheet.name());
        assertEquals(3, sheet.rows().size(), "the empty row is left out");
        assertEquals(List.of("姓名", "数量", "有效"), sheet.rows().get(0).cells());
        Row second = sheet.rows().get(1);
        assertEquals(2, second.number());
        assertEquals("  张 & <三>  ", second.cell(0));
        assertEquals(12.5, second.cell(1));
        assertEquals(Boolean.TRUE, second.cell(2));
        Row last = sheet.rows().get(2);
        assertEquals(4, last.number(), "row numbers are the sheet's, gaps and all");
        assertNull(last.cell(0));
        assertEquals(7.0, last.cell(1));
        assertNull(last.cell(9));
    }

    @Test
    void followsTheWorkbookToItsFirstSheetWithSharedStringsAndRichText() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>"
                + "<sheet name=\"名单\" sheetId=\"3\" r:id=\"rId7\"/><sheet name=\"说明\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + PKG + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId7\" Type=\"" + REL + "/worksheet\" Target=\"/xl/worksheets/list.xml\"/>"
                + "<Relationship Id=\"rId9\" Type=\"" + REL + "/sharedStrings\" Target=\"strings.xml\"/>"
                + "</Relationships>");
        parts.put("xl/strings.xml", "<sst xmlns=\"" + MAIN + "\"><si><t>王芳</t></si>"
                + "<si><r><t>高级</t></r><r><t xml:space=\"preserve\"> 工程师</t></r>"
                + "<rPh sb=\"0\" eb=\"2\"><t>ガオジ</t></rPh></si></sst>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>not this one</t></is></c></row></sheetData></worksheet>");
        parts.put("xl/worksheets/list.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
                + "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v></c>"
                + "<c r=\"E2\" s=\"3\"><v>46082</v></c><c r=\"F2\" t=\"b\"><v>0</v></c>"
                + "<c r=\"G2\" t=\"str\"><f>A1</f><v>公式</v></c></row></sheetData></worksheet>");
        XlsxReader.Sheet sheet = new XlsxReader().firstSheet(zip(parts));
        assertEquals("名单", sheet.name());
        Row row = sheet.rows().get(0);
        assertEquals(2, row.number());
        assertNull(row.cell(0));
        assertEquals("王芳", row.cell(1));
        assertEquals("高级 工程师", row.cell(3), "runs joined, the phonetic guide left out");
        assertEquals(LocalDate.of(2026, 3, 1), XlsxReader.dateOf((Double) row.cell(4)));
        assertEquals(Boolean.FALSE, row.cell(5));
        assertEquals("公式", row.cell(6));
    }

    @Test
    void datesFollowExcelsNineteenHundredSystemWithItsLeapDay() {
        assertEquals(LocalDate.of(1900, 1, 1), XlsxReader.dateOf(1));
        assertEquals(LocalDate.of(1900, 2, 28), XlsxReader.dateOf(59));
        assertEquals(LocalDate.of(1900, 3, 1), XlsxReader.dateOf(61));
        assertEquals(LocalDate.of(2026, 3, 1), XlsxReader.dateOf(46082.75), "the time of day is dropped");
        assertThrows(IllegalArgumentException.class, () -> XlsxReader.dateOf(0));
    }

    @Test
    void refusesWhatIsNotAWorkbook() {
        assertThrows(NotXlsxException.class, () -> new XlsxReader().firstSheet("%PDF-1.7\n".getBytes()));
        assertThrows(NotXlsxException.class, () -> new XlsxReader().firstSheet(new byte[0]));
        assertThrows(NotXlsxException.class, () -> new XlsxReader().firstSheet(zip(Map.of("word/document.xml",
                "<document/>"))), "a Word file is a zip package, not a workbook");
    }

    @Test
    void refusesADtdSoNoEntityIsEverExpanded() {
        byte[] xxe = new XlsxWriter("s").row(Style.CELL, "x").toBytes();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><workbook xmlns=\"" + MAIN + "\"><sheets><sheet name=\"&x;\"/></sheets>"
                + "</workbook>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData/></worksheet>");
        NotXlsxException refused = assertThrows(NotXlsxException.class, () -> new XlsxReader().firstSheet(zip(parts)));
        assertTrue(refused.getMessage().contains("DTD"), refused.getMessage());
        assertEquals(1, new XlsxReader().firstSheet(xxe).rows().size());
    }

    @Test
    void stopsDecompressingAtTheLimit() {
        // a megabyte of one repeated character compresses to about a kilobyte: a small zip bomb
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\"><sheets><sheet name=\"s\"/></sheets></workbook>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + MAIN + "\"><sheetData/>"
                + " ".repeat(1024 * 1024) + "</worksheet>");
        byte[] bomb = zip(parts);
        assertTrue(bomb.length < 10_000);
        NotXlsxException refused = assertThrows(NotXlsxException.class,
                () -> new XlsxReader(64 * 1024, 1024 * 1024).firstSheet(bomb));
        assertTrue(refused.getMessage().contains("size limit"), refused.getMessage());
        assertThrows(NotXlsxException.class, () -> new XlsxReader(4 * 1024 * 1024, 512 * 1024).firstSheet(bomb),
                "the total counts too");
    }

    private static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
