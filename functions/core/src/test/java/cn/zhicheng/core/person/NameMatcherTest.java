package cn.zhicheng.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NameMatcherTest {

    @ParameterizedTest(name = "R28: \"{0}\" matches \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "张三|张三",
        "' 张三 '|张三",
        "张 三|张三",
        "张\u3000三|张三", // ideographic (full-width) space
        "张\u00A0三|张三", // no-break space pasted from a web page
        "阿沛·阿旺晋美|阿沛阿旺晋美", // U+00B7 middle dot
        "阿沛•阿旺晋美|阿沛·阿旺晋美", // U+2022 bullet
        "阿沛・阿旺晋美|阿沛·阿旺晋美", // U+30FB katakana middle dot
        "阿沛\uFF65阿旺晋美|阿沛·阿旺晋美", // half-width katakana middle dot
        "阿沛．阿旺晋美|阿沛·阿旺晋美", // U+FF0E full-width full stop
        "阿沛 · 阿旺晋美|阿沛阿旺晋美",
        "ＡＬＩＭＵ|ALIMU", // full-width Latin letters
    })
    void R28_namesThatDifferOnlyInSpacingWidthOrDotsMatch(String a, String b) {
        assertTrue(NameMatcher.sameName(a, b));
        assertTrue(NameMatcher.sameName(b, a));
    }

    @ParameterizedTest(name = "R28: \"{0}\" does not match \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "张三|张四",
        "张三|张三丰",
        "李|李四",
        "阿沛·阿旺晋美|阿沛·阿旺",
        "张三|三张",
    })
    void R28_differentNamesDoNotMatch(String a, String b) {
        assertFalse(NameMatcher.sameName(a, b));
    }

    @Test
    void blankOrMissingNamesMatchNothing() {
        assertFalse(NameMatcher.sameName(null, "张三"));
        assertFalse(NameMatcher.sameName("张三", null));
        assertFalse(NameMatcher.sameName(null, null));
        assertFalse(NameMatcher.sameName("", ""));
        assertFalse(NameMatcher.sameName(" ", "\u3000"));
        assertFalse(NameMatcher.sameName("·", "•"));
    }

    @Test
    void normalizeRemovesSpacesAndDots() {
        assertEquals("阿沛阿旺晋美", NameMatcher.normalize(" 阿沛 ・阿旺晋美\u3000"));
    }

    // ---- properties ----

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars(" \u3000\u00B7\u2022\u30FB\uFF0E\uFF65\t").ofMaxLength(3);
    }

    @Property(tries = 500)
    void R28_insertingSpacesOrDotsAnywhereKeepsTheMatch(
            @ForAll("names") String name, @ForAll("noise") String noise,
            @ForAll("noise") String edge, @ForAll int position) {
        int at = Math.floorMod(position, name.length() + 1);
        String decorated = edge + name.substring(0, at) + noise + name.substring(at) + edge;
        assertTrue(NameMatcher.sameName(name, decorated), decorated);
    }

    @Property(tries = 500)
    void R28_matchingIsSymmetric(@ForAll("names") String a, @ForAll("names") String b) {
        assertEquals(NameMatcher.sameName(a, b), NameMatcher.sameName(b, a));
        assertEquals(a.equals(b), NameMatcher.sameName(a, b));
    }
}
