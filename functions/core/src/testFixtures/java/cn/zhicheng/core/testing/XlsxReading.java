package cn.zhicheng.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a workbook back the way a spreadsheet program does: the package's parts, then the sheet's cells. */
public final class XlsxReading {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private XlsxReading() {
    }

    /** Every part of the package by name, each checked to be well-formed XML. */
    public static Map<String, Document> parts(byte[] xlsx) throws Exception {
        Map<String, Document> parts = new HashMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                parts.put(entry.getName(), factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)));
            }
        } catch (IOException e) {
            throw new AssertionError("not a zip package", e);
        }
        return parts;
    }

    /** The first sheet's cells by reference (A1), as text: inline strings, or numbers as written. */
    public static Map<String, String> cells(byte[] xlsx) throws Exception {
        Map<String, Document> parts = parts(xlsx);
        assertTrue(parts.keySet().containsAll(List.of("[Content_Types].xml", "_rels/.rels",
                "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml")),
                parts.keySet().toString());
        Element sheet = (Element) parts.get("xl/workbook.xml").getElementsByTagNameNS(MAIN, "sheet").item(0);
        assertEquals("rId1", sheet.getAttributeNS(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"));
        Map<String, String> cells = new HashMap<>();
        NodeList list = parts.get("xl/worksheets/sheet1.xml").getElementsByTagNameNS(MAIN, "c");
        for (int i = 0; i < list.getLength(); i++) {
            Element cell = (Element) list.item(i);
            NodeList text = cell.getElementsByTagNameNS(MAIN, "t");
            NodeList value = cell.getElementsByTagNameNS(MAIN, "v");
            if (text.getLength() > 0) {
                cells.put(cell.getAttribute("r"), text.item(0).getTextContent());
            } else if (value.getLength() > 0) {
                cells.put(cell.getAttribute("r"), value.item(0).getTextContent());
            }
        }
        return cells;
    }
}
