package cn.zhicheng.certificate.pdf.service;

import cn.zhicheng.core.certificate.CertificateKind;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws the A4 certificate after the official sample (notice 004, 附件2): the title, the R30 restriction, the R27
 * fields in a bordered table with the photo, the issuer with its seal, and the query address with the QR code.
 */
@ApplicationScoped
public class CertificatePdfRenderer {

    private static final float WIDTH = PageSize.A4.getWidth();
    private static final float LEFT = 60;
    private static final float RIGHT = WIDTH - 60;
    private static final Color INK = new Color(0x1f, 0x1f, 0x1f);
    private static final Color SEAL_RED = new Color(0xc8, 0x10, 0x2e);
    private static final Color FRAME = new Color(0x8a, 0x5a, 0x1e);
    /** At least 3 pixels per module in a 150 dpi rendering (1 pt = 150/72 px). */
    private static final float MIN_MODULE = 1.45f;
    private static final float QR_SIDE = 176;
    private static final float ROW_HEIGHT = 27;
    private static final int PHOTO_ROWS = 6;
    private static final float[] COLUMNS = {140, 219, 116};

    private final CertificateFont fonts;

    public CertificatePdfRenderer(CertificateFont fonts) {
        this.fonts = fonts;
    }

    public byte[] render(CertificateSheet sheet) {
        BaseFont font = fonts.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(title(sheet.kind()) + " " + sheet.number());
        document.addAuthor(sheet.issuerName());
        document.addCreator("Zhicheng");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        frame(canvas);
        float y = heading(canvas, font, sheet);
        y = table(canvas, font, sheet, y - 18);
        issuer(canvas, font, sheet, y - 34);
        query(canvas, font, sheet);
        writer.setPageEmpty(false);
        document.close();
        return out.toByteArray();
    }

    static String title(CertificateKind kind) {
        return kind == CertificateKind.APPOINTMENT ? "聘任证书" : "职称证书";
    }

    private static void frame(PdfContentByte canvas) {
        canvas.saveState();
        canvas.setColorStroke(FRAME);
        canvas.setLineWidth(2.2f);
        canvas.rectangle(26, 26, WIDTH - 52, PageSize.A4.getHeight() - 52);
        canvas.stroke();
        canvas.setLineWidth(0.6f);
        canvas.rectangle(32, 32, WIDTH - 64, PageSize.A4.getHeight() - 64);
        canvas.stroke();
        canvas.restoreState();
    }

    /** The title, the appointment's validity line, and R30's restriction in a red box; returns the y below. */
    private static float heading(PdfContentByte canvas, BaseFont font, CertificateSheet sheet) {
        float y = PageSize.A4.getHeight() - 92;
        canvas.saveState();
        canvas.beginText();
        canvas.setFontAndSize(font, 32);
        canvas.setColorFill(INK);
        canvas.setCharacterSpacing(14);
        String title = title(sheet.kind());
        // character spacing also follows the last glyph; centre on the glyphs alone
        float width = font.getWidthPoint(title, 32) + 14 * (title.length() - 1);
        canvas.setTextMatrix((WIDTH - width) / 2, y);
        canvas.showText(title);
        canvas.endText();
        canvas.restoreState();
        y -= 30;
        if (sheet.kind() == CertificateKind.APPOINTMENT) {
            text(canvas, font, 12, INK, "本证书在规定聘期内有效", WIDTH / 2, y, Element.ALIGN_CENTER);
            y -= 22;
        }
        if (sheet.restriction() != null) {
            float size = 15;
            float boxWidth = font.getWidthPoint(sheet.restriction(), size) + 36;
            canvas.saveState();
            canvas.setColorStroke(SEAL_RED);
            canvas.setLineWidth(1.4f);
            canvas.roundRectangle((WIDTH - boxWidth) / 2, y - 10, boxWidth, 28, 4);
            canvas.stroke();
            canvas.restoreState();
            text(canvas, font, size, SEAL_RED, sheet.restriction(), WIDTH / 2, y, Element.ALIGN_CENTER);
            y -= 30;
        }
        return y;
    }

    /** The bordered table of R27's fields, the photo spanning the first rows; returns the y of its bottom. */
    private static float table(PdfContentByte canvas, BaseFont font, CertificateSheet sheet, float top) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("姓    名", sheet.holderName()));
        rows.add(Map.entry("性    别", nullToEmpty(sheet.sex())));
        rows.add(Map.entry("身份证号", nullToEmpty(sheet.idNumber())));
        rows.add(Map.entry("职称系列（专业）名称", sheet.series()));
        rows.add(Map.entry("从事专业", nullToEmpty(sheet.practisedSpecialty())));
        rows.add(Map.entry("职称层级", sheet.level()));
        if (sheet.kind() == CertificateKind.APPOINTMENT) {
            rows.add(Map.entry("评聘岗位", nullToEmpty(sheet.post())));
            rows.add(Map.entry("聘用期限", nullToEmpty(sheet.term())));
        }
        rows.add(Map.entry(sheet.kind() == CertificateKind.APPOINTMENT ? "评聘委员会名称" : "评审委员会名称",
                sheet.committeeName()));
        rows.add(Map.entry("公布文号", nullToEmpty(sheet.publicationNumber())));
        rows.add(Map.entry("证书编号", sheet.number()));
        rows.add(Map.entry("发证日期", sheet.issuedOn()));

        Font label = new Font(font, 11.5f, Font.NORMAL, INK);
        Font value = new Font(font, 12.5f, Font.NORMAL, INK);
        PdfPTable table = new PdfPTable(COLUMNS);
        table.setTotalWidth(RIGHT - LEFT);
        table.setLockedWidth(true);
        for (int i = 0; i < rows.size(); i++) {
            table.addCell(cell(rows.get(i).getKey(), label, Element.ALIGN_CENTER));
            PdfPCell content = cell(rows.get(i).getValue(), value, Element.ALIGN_LEFT);
            if (i >= PHOTO_ROWS) {
                content.setColspan(2);
            }
            table.addCell(content);
            if (i == 0) {
                table.addCell(photoCell());
            }
        }
        float bottom = table.writeSelectedRows(0, -1, LEFT, top, canvas);
        float photoBottom = top;
        for (int i = 0; i < PHOTO_ROWS; i++) {
            photoBottom -= table.getRowHeight(i);
        }
        photo(canvas, font, sheet.photo(), RIGHT - COLUMNS[2], photoBottom, COLUMNS[2], top - photoBottom);
        return bottom;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setMinimumHeight(ROW_HEIGHT);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingLeft(8);
        cell.setPaddingRight(6);
        cell.setBorderColor(INK);
        cell.setBorderWidth(0.7f);
        return cell;
    }

    /** The photo's place in the table: an empty cell over the first rows; the photo is drawn into it. */
    private static PdfPCell photoCell() {
        PdfPCell cell = new PdfPCell();
        cell.setRowspan(PHOTO_ROWS);
        cell.setBorderColor(INK);
        cell.setBorderWidth(0.7f);
        return cell;
    }

    /** R27: the holder's photo centred in its cell, or the sample's framed 照片 box when there is none. */
    private static void photo(PdfContentByte canvas, BaseFont font, byte[] bytes, float x, float y, float width,
            float height) {
        float cx = x + width / 2;
        float cy = y + height / 2;
        if (bytes != null) {
            try {
                Image image = Image.getInstance(bytes);
                image.scaleToFit(width - 16, height - 16);
                image.setAbsolutePosition(cx - image.getScaledWidth() / 2, cy - image.getScaledHeight() / 2);
                canvas.addImage(image);
                return;
            } catch (Exception unreadable) {
                // an unreadable photo prints as the empty box rather than failing the certificate
            }
        }
        canvas.saveState();
        canvas.setColorStroke(INK);
        canvas.setLineWidth(0.5f);
        canvas.rectangle(cx - 40, cy - 54, 80, 108);
        canvas.stroke();
        canvas.restoreState();
        text(canvas, font, 12, INK, "照", cx, cy + 8, Element.ALIGN_CENTER);
        text(canvas, font, 12, INK, "片", cx, cy - 16, Element.ALIGN_CENTER);
    }

    /** The issuer's name and date with its seal over them, as a stamp sits on paper. */
    private static void issuer(PdfContentByte canvas, BaseFont font, CertificateSheet sheet, float y) {
        float centre = RIGHT - 100;
        String caption = sheet.kind() == CertificateKind.APPOINTMENT ? "自主评聘单位（章）" : "发证机关（章）";
        text(canvas, font, 11, INK, caption, centre, y, Element.ALIGN_CENTER);
        text(canvas, font, 13.5f, INK, sheet.issuerName(), centre, y - 26, Element.ALIGN_CENTER);
        text(canvas, font, 12, INK, sheet.issuedOn(), centre, y - 48, Element.ALIGN_CENTER);
        float sealY = y - 30;
        if (sheet.sealImage() != null && sealImage(canvas, sheet.sealImage(), centre, sealY)) {
            return;
        }
        drawnSeal(canvas, font, sheet.issuerName(), centre, sealY, 56);
    }

    private static boolean sealImage(PdfContentByte canvas, byte[] bytes, float x, float y) {
        try {
            Image image = Image.getInstance(bytes);
            image.scaleToFit(118, 118);
            image.setAbsolutePosition(x - image.getScaledWidth() / 2, y - image.getScaledHeight() / 2);
            canvas.addImage(image);
            return true;
        } catch (Exception unreadable) {
            return false;
        }
    }

    /**
     * Without an uploaded picture, a red ring with a star and the issuer's name round the top, so the page still
     * shows who issued it. It is a picture only: the issuer's signature in the QR code is what proves it.
     */
    private static void drawnSeal(PdfContentByte canvas, BaseFont font, String name, float cx, float cy, float r) {
        canvas.saveState();
        PdfGState translucent = new PdfGState();
        translucent.setFillOpacity(0.85f);
        translucent.setStrokeOpacity(0.85f);
        canvas.setGState(translucent);
        canvas.setColorStroke(SEAL_RED);
        canvas.setColorFill(SEAL_RED);
        canvas.setLineWidth(3);
        canvas.circle(cx, cy, r);
        canvas.stroke();
        star(canvas, cx, cy, r * 0.3f, r * 0.12f);
        // the name on the upper 240 degrees, reading clockwise, each glyph upright towards the rim
        int n = name.codePointCount(0, name.length());
        float textRadius = r - 8;
        float size = Math.min(14, (float) (textRadius * Math.toRadians(240) / Math.max(n, 1)) * 0.88f);
        double span = Math.toRadians(Math.min(240, n * Math.toDegrees(size * 1.12 / textRadius)));
        double start = Math.PI / 2 + span / 2;
        double step = n > 1 ? span / (n - 1) : 0;
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        int i = 0;
        for (int offset = 0; offset < name.length(); i++) {
            int cp = name.codePointAt(offset);
            String glyph = new String(Character.toChars(cp));
            offset += Character.charCount(cp);
            double angle = start - i * step;
            float baseline = textRadius - size * 0.9f;
            float x = (float) (cx + baseline * Math.cos(angle));
            float y = (float) (cy + baseline * Math.sin(angle));
            canvas.showTextAligned(Element.ALIGN_CENTER, glyph, x, y, (float) Math.toDegrees(angle) - 90);
        }
        canvas.endText();
        canvas.restoreState();
    }

    private static void star(PdfContentByte canvas, float cx, float cy, float outer, float inner) {
        for (int k = 0; k < 10; k++) {
            double angle = Math.PI / 2 + k * Math.PI / 5;
            float radius = k % 2 == 0 ? outer : inner;
            float x = (float) (cx + radius * Math.cos(angle));
            float y = (float) (cy + radius * Math.sin(angle));
            if (k == 0) {
                canvas.moveTo(x, y);
            } else {
                canvas.lineTo(x, y);
            }
        }
        canvas.closePath();
        canvas.fill();
    }

    /** The QR code (vector squares) at the bottom left, and how to verify beside it. */
    private static void query(PdfContentByte canvas, BaseFont font, CertificateSheet sheet) {
        QrSymbol symbol = QrSymbol.encode(sheet.verifyUrl());
        int modules = symbol.size() + 2 * QrSymbol.QUIET_ZONE;
        float module = Math.max(MIN_MODULE, QR_SIDE / modules);
        float x0 = LEFT - 4 * module + 4;
        float y0 = 44;
        float side = modules * module;
        canvas.saveState();
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(x0, y0, side, side);
        canvas.fill();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < symbol.size(); row++) {
            float y = y0 + side - (row + QrSymbol.QUIET_ZONE + 1) * module;
            int col = 0;
            while (col < symbol.size()) {
                if (!symbol.dark(col, row)) {
                    col++;
                    continue;
                }
                int run = col;
                while (run < symbol.size() && symbol.dark(run, row)) {
                    run++;
                }
                // a run of dark modules as one rectangle, a hair taller so rows leave no seams when rasterised
                canvas.rectangle(x0 + (col + QrSymbol.QUIET_ZONE) * module, y - 0.02f, (run - col) * module,
                        module + 0.04f);
                col = run;
            }
        }
        canvas.fill();
        canvas.restoreState();

        float textLeft = x0 + side + 10;
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(textLeft, y0 + 8, RIGHT, y0 + side - 30);
        Font small = new Font(font, 10, Font.NORMAL, INK);
        column.addText(new Phrase("证书查询：" + sheet.queryAddress() + "\n", new Font(font, 11, Font.NORMAL, INK)));
        column.addText(new Phrase("核验方法：用手机扫描左侧二维码，或打开查询地址输入证书编号和姓名。二维码载有发证机关"
                + "的电子签名，查询页面核验签名并显示证书当前是否有效（撤销、补发替代或过期均会注明）。", small));
        column.setLeading(16);
        try {
            column.go();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("Cannot lay out the query note", e);
        }
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, Color color, String text, float x,
            float y, int alignment) {
        canvas.saveState();
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(color);
        canvas.showTextAligned(alignment, text, x, y, 0);
        canvas.endText();
        canvas.restoreState();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
