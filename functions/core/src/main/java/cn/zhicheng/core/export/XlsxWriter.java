package cn.zhicheng.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal Office Open XML spreadsheet (.xlsx, ECMA-376) writer: one worksheet of inline strings and numbers,
 * a few cell styles, column widths and merged cells. Written instead of depending on Apache POI, whose OOXML
 * jars (poi, poi-ooxml, its schemas and xmlbeans, well over 10 MB) would swell every cold start of the review
 * Lambda for one table. The package holds exactly the parts Excel, WPS and LibreOffice need:
 * {@code [Content_Types].xml}, {@code _rels/.rels}, {@code xl/workbook.xml}, {@code xl/_rels/workbook.xml.rels},
 * {@code xl/styles.xml} and {@code xl/worksheets/sheet1.xml}. Entries carry a fixed time, so the same table gives
 * the same bytes.
 */
public final class XlsxWriter {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** 1980-01-01, the earliest time a zip entry can carry. */
    private static final long ENTRY_TIME = 315_532_800_000L;
    private static final int MAX_SHEET_NAME = 31;

    /** A cell's look; the ordinal is its index in {@code cellXfs} of the style sheet. */
    public enum Style {
        /** No border: titles' surroundings and notes. */
        TEXT,
        /** A bordered table cell. */
        CELL,
        /** A bold, centred, wrapped column header. */
        HEADER,
        /** A bold, larger, centred title. */
        TITLE,
        /** A bordered fraction shown as a percentage with two decimals. */
        PERCENT
    }

    /** One cell: a String, a Number, a Boolean or null (an empty cell that still shows its style). */
    public record Cell(Object value, Style style) {
    }

    private record Row(List<Cell> cells) {
    }

    private final String sheetName;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> merges = new ArrayList<>();
    private double[] widths = new double[0];

    public XlsxWriter(String sheetName) {
        if (sheetName == null || sheetName.isBlank() || sheetName.length() > MAX_SHEET_NAME
                || sheetName.chars().anyMatch(c -> "[]:*?/\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a valid sheet name: " + sheetName);
        }
        this.sheetName = sheetName;
    }

    /** Column widths in characters, from column A on. */
    public XlsxWriter widths(double... characters) {
        this.widths = characters.clone();
        return this;
    }

    /** Appends a row; a value may be a {@link Cell} to give it a style of its own. */
    public XlsxWriter row(Style style, Object... values) {
        List<Cell> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value instanceof Cell cell ? cell : new Cell(value, style));
        }
        rows.add(new Row(cells));
        return this;
    }

    /** Merges the rectangle of cells between two corners, 0-based (row, column). */
    public XlsxWriter merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        merges.add(ref(firstRow, firstColumn) + ":" + ref(lastRow, lastColumn));
        return this;
    }

    /** The number of rows so far, i.e. the 0-based index the next row gets. */
    public int rowCount() {
        return rows.size();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "[Content_Types].xml", contentTypes());
            put(zip, "_rels/.rels", XML_HEAD + "<Relationships xmlns=\"" + PKG_REL_NS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/workbook.xml", XML_HEAD + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">"
                    + "<sheets><sheet name=\"" + escape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                    + "</workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", XML_HEAD + "<Relationships xmlns=\"" + PKG_REL_NS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + REL_NS + "/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/styles.xml", styles());
            put(zip, "xl/worksheets/sheet1.xml", sheet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String contentTypes() {
        String ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        return XML_HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\""
                + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + ct + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + ct + "worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + ct + "styles+xml\"/>"
                + "</Types>";
    }

    /** Fonts: regular, bold, bold 14pt; borders: none, thin; cellXfs in the order of {@link Style}. */
    private static String styles() {
        String thin = "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>"
                + "<bottom style=\"thin\"/><diagonal/></border>";
        return XML_HEAD + "<styleSheet xmlns=\"" + MAIN_NS + "\">"
                + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"SimSun\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"SimSun\"/></font>"
                + "<font><b/><sz val=\"14\"/><name val=\"SimSun\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>" + thin
                + "</borders><cellStyleXfs count=\"1\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"5\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\""
                + " applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\""
                + " applyBorder=\"1\" applyAlignment=\"1\">"
                + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
                + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\""
                + " applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>"
                // 10 is the built-in format 0.00%
                + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\""
                + " applyBorder=\"1\"/>"
                + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>";
    }

    private String sheet() {
        StringBuilder xml = new StringBuilder(XML_HEAD).append("<worksheet xmlns=\"").append(MAIN_NS)
                .append("\" xmlns:r=\"").append(REL_NS).append("\">");
        if (widths.length > 0) {
            xml.append("<cols>");
            for (int i = 0; i < widths.length; i++) {
                xml.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                        .append(widths[i]).append("\" customWidth=\"1\"/>");
            }
            xml.append("</cols>");
        }
        xml.append("<sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Cell> cells = rows.get(r).cells();
            for (int c = 0; c < cells.size(); c++) {
                cell(xml, ref(r, c), cells.get(c));
            }
            xml.append("</row>");
        }
        xml.append("</sheetData>");
        if (!merges.isEmpty()) {
            xml.append("<mergeCells count=\"").append(merges.size()).append("\">");
            merges.forEach(m -> xml.append("<mergeCell ref=\"").append(m).append("\"/>"));
            xml.append("</mergeCells>");
        }
        return xml.append("</worksheet>").toString();
    }

    private static void cell(StringBuilder xml, String ref, Cell cell) {
        xml.append("<c r=\"").append(ref).append('"');
        if (cell.style() != Style.TEXT) {
            xml.append(" s=\"").append(cell.style().ordinal()).append('"');
        }
        Object value = cell.value();
        if (value == null || (value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            xml.append("/>");
        } else if (value instanceof Number number) {
            xml.append("><v>").append(number).append("</v></c>");
        } else if (value instanceof Boolean bool) {
            xml.append(" t=\"b\"><v>").append(bool ? 1 : 0).append("</v></c>");
        } else {
            xml.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(value.toString()))
                    .append("</t></is></c>");
        }
    }

    /** The A1-style reference of a 0-based (row, column). */
    static String ref(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(row + 1).toString();
    }

    /** XML-escaped, without the characters XML 1.0 cannot carry at all (control characters). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
