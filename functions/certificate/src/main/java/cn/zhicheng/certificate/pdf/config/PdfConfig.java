package cn.zhicheng.certificate.pdf.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the certificate PDF's font comes from: Debian's fonts-noto-cjk locally, a Lambda layer in AWS. */
@ConfigMapping(prefix = "zhicheng.certificate.pdf")
public interface PdfConfig {

    /** An OpenType collection or font with CFF outlines; OpenPDF embeds the subset a certificate uses. */
    @WithDefault("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    String fontFile();

    /** The font's index in a collection (.ttc): 2 is Simplified Chinese in Noto Serif CJK; ignored otherwise. */
    @WithDefault("2")
    int fontIndex();
}
