package cn.zhicheng.core.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an Office Open XML spreadsheet (.xlsx) with StAX, the counterpart of
 * {@link XlsxWriter} and like it written instead of depending on Apache POI. It follows the workbook's
 * relationships to the first sheet, and gives each cell's raw value: a String (shared, inline or formula strings),
 * a Double (numbers, including dates, which Excel stores as serial numbers: see {@link #dateOf}) or a Boolean.
 * Interpreting a cell (a date, a code) is the caller's. Uploaded files are untrusted: DTDs are refused (no XXE,
 * no entity expansion), and the parts are decompressed only up to a limit per part and in total (no zip bombs).
 */
public final class XlsxReader {

    /** A part larger than this when decompressed is refused; a 10,000-row sheet of inline strings is ~15 MB. */
    public static final long DEFAULT_MAX_PART_BYTES = 64L * 1024 * 1024;
    /** All parts together. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 128L * 1024 * 1024;

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** 1899-12-30: serial 0 of Excel's 1900 date system once its fictitious 1900-02-29 (serial 60) is passed. */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    /** The file is not a spreadsheet this reader can read, or exceeds the limits; the message says why. */
    public static final class NotXlsxException extends RuntimeException {

        public NotXlsxException(String message) {
            super(message);
        }

        NotXlsxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A row of the sheet: its number as Excel shows it (1 for the first), and its cells by 0-based column. */
    public record Row(int number, List<Object> cells) {

        /** The cell's raw value, null when empty or beyond the row's last cell. */
        public Object cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }

    /** The first worksheet's name and its non-empty rows, in order. */
    public record Sheet(String name, List<Row> rows) {
    }

    private final long maxPartBytes;
    private final long maxTotalBytes;

    public XlsxReader() {
        this(DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_TOTAL_BYTES);
    }

    public XlsxReader(long maxPartBytes, long maxTotalBytes) {
        this.maxPartBytes = maxPartBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The workbook's first worksheet. */
    public Sheet firstSheet(byte[] xlsx) {
        Map<String, byte[]> parts = parts(xlsx);
        byte[] workbook = parts.get("xl/workbook.xml");
        if (workbook == null) {
            throw new NotXlsxException("The file is not an Excel workbook (.xlsx): it has no xl/workbook.xml.");
        }
        String[] first = firstSheetOf(workbook);
        Map<String, String> rels = relationships(parts.get("xl/_rels/workbook.xml.rels"));
        String sheetPath = first[1] == null ? null : rels.get(first[1]);
        if (sheetPath == null || !parts.containsKey(sheetPath)) {
            sheetPath = "xl/worksheets/sheet1.xml";
        }
        byte[] sheet = parts.get(sheetPath);
        if (sheet == null) {
            throw new NotXlsxException("The workbook has no worksheet.");
        }
        String stringsPath = rels.getOrDefault("#sharedStrings", "xl/sharedStrings.xml");
        List<String> shared = parts.containsKey(stringsPath) ? sharedStrings(parts.get(stringsPath)) : List.of();
        return new Sheet(first[0], rows(sheet, shared));
    }

    /**
     * The day an Excel date serial stands for, in the 1900 date system Excel on Windows and WPS use (serial 1 is
     * 1900-01-01). Excel counts a 1900-02-29 (serial 60) that never was, as Lotus 1-2-3 did, so serials from 61
     * on are counted from 1899-12-30 and those before from a day later; 60 itself reads as 1900-03-01. The
     * fraction (the time of day) is dropped.
     */
    public static LocalDate dateOf(double serial) {
        long day = (long) Math.floor(serial);
        if (day < 1) {
            throw new IllegalArgumentException("not an Excel date serial: " + serial);
        }
        return day < 61 ? EPOCH.plusDays(day + 1) : EPOCH.plusDays(day);
    }

    /** The XML and relationship parts, each decompressed within the limits; other parts (media) are skipped. */
    private Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().startsWith("/") ? entry.getName().substring(1) : entry.getName();
                if (entry.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
                    continue;
                }
                byte[] bytes = readLimited(zip, Math.min(maxPartBytes, maxTotalBytes - total), name);
                total += bytes.length;
                parts.put(name, bytes);
            }
        } catch (ZipException e) {
            throw new NotXlsxException("The file is not an Excel workbook (.xlsx): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new NotXlsxException("The workbook cannot be read: " + e.getMessage(), e);
        }
        if (parts.isEmpty()) {
            throw new NotXlsxException("The file is not an Excel workbook (.xlsx): it is not a zip package.");
        }
        return parts;
    }

    private static byte[] readLimited(InputStream in, long limit, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read += n;
            if (read > limit) {
                throw new NotXlsxException("The workbook's part " + name + " expands beyond the size limit.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The first sheet's name and relationship id. */
    private static String[] firstSheetOf(byte[] workbook) {
        return parse(workbook, xml -> {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                    return new String[] {xml.getAttributeValue(null, "name"), xml.getAttributeValue(REL_NS, "id")};
                }
            }
            throw new NotXlsxException("The workbook lists no worksheet.");
        });
    }

    /**
     * Relationship id to part path (resolved against xl/), and the shared strings' path under "#sharedStrings".
     */
    private static Map<String, String> relationships(byte[] rels) {
        Map<String, String> targets = new HashMap<>();
        if (rels == null) {
            return targets;
        }
        return parse(rels, xml -> {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                    String target = xml.getAttributeValue(null, "Target");
                    String type = xml.getAttributeValue(null, "Type");
                    if (target == null) {
                        continue;
                    }
                    String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    targets.put(xml.getAttributeValue(null, "Id"), path);
                    if (type != null && type.endsWith("/sharedStrings")) {
                        targets.put("#sharedStrings", path);
                    }
                }
            }
            return targets;
        });
    }

    private static List<String> sharedStrings(byte[] part) {
        return parse(part, xml -> {
            List<String> strings = new ArrayList<>();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                    strings.add(text(xml, "si"));
                }
            }
            return strings;
        });
    }

    /**
     * The text of a string item ({@code si} or {@code is}): its {@code t} element, or its rich-text runs' joined,
     * without the phonetic guides ({@code rPh}) Chinese and Japanese Excel add.
     */
    private static String text(XMLStreamReader xml, String end) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        boolean inT = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                phonetic += "rPh".equals(name) ? 1 : 0;
                inT = "t".equals(name) && phonetic == 0;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (end.equals(name)) {
                    break;
                }
                phonetic -= "rPh".equals(name) ? 1 : 0;
                inT = false;
            } else if (inT && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    private static List<Row> rows(byte[] sheet, List<String> shared) {
        return parse(sheet, xml -> {
            List<Row> rows = new ArrayList<>();
            List<Object> cells = null;
            int rowNumber = 0;
            int column = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.trim());
                            cells = new ArrayList<>();
                            column = -1;
                        }
                        case "c" -> {
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? column + 1 : column(ref);
                            Object value = cell(xml, xml.getAttributeValue(null, "t"), shared);
                            if (cells != null && value != null) {
                                while (cells.size() < column) {
                                    cells.add(null);
                                }
                                cells.add(value);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                    if (cells != null && cells.stream().anyMatch(XlsxReader::present)) {
                        rows.add(new Row(rowNumber, Collections.unmodifiableList(cells)));
                    }
                    cells = null;
                }
            }
            return rows;
        });
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** One cell's value, read to its end tag. */
    private static Object cell(XMLStreamReader xml, String type, List<String> shared) throws XMLStreamException {
        String v = null;
        String inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("v".equals(xml.getLocalName())) {
                    v = xml.getElementText();
                } else if ("is".equals(xml.getLocalName())) {
                    inline = text(xml, "is");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
        }
        if (type == null || "n".equals(type)) {
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(v.trim());
            } catch (NumberFormatException e) {
                throw new NotXlsxException("A number cell holds '" + v + "'.");
            }
        }
        return switch (type) {
            case "s" -> {
                int index = parseIndex(v);
                if (index < 0 || index >= shared.size()) {
                    throw new NotXlsxException("A cell refers to shared string " + v + ", which does not exist.");
                }
                yield shared.get(index);
            }
            case "inlineStr" -> inline;
            case "b" -> "1".equals(v == null ? null : v.trim());
            // str: a formula's text result; d: an ISO 8601 date; e: an error such as #N/A, shown as written
            default -> v;
        };
    }

    private static int parseIndex(String v) {
        try {
            return v == null ? -1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The 0-based column of an A1-style reference. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private interface Parse<T> {
        T apply(XMLStreamReader xml) throws XMLStreamException;
    }

    private static <T> T parse(byte[] part, Parse<T> parse) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(part));
            try {
                return parse.apply(new NoDtd(xml));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IllegalStateException e) {
            throw new NotXlsxException("The workbook's XML cannot be read: " + e.getMessage(), e);
        }
    }

    /** Refuses a document type declaration wherever it appears: an upload has no business carrying one. */
    private static final class NoDtd extends javax.xml.stream.util.StreamReaderDelegate {

        NoDtd(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new NotXlsxException("The workbook contains a DTD or an entity reference, which is refused.");
            }
            return event;
        }
    }
}
