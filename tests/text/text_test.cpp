#include "plancon/text.hpp"

#include <gtest/gtest.h>

namespace plancon {
namespace {

TEST(NormaliseText, QuotesDashesSpaces) {
    EXPECT_EQ(normalise_text("\u201cone team\u201d culture \u2013 the service\u2019s"), "\"one team\" culture - the service's");
    EXPECT_EQ(normalise_text("2019\u20142022 \u2212 5 \u2012 x"), "2019-2022 - 5 - x");
    EXPECT_EQ(normalise_text("a\u00a0b\u2003c\t\td"), "a b c d");
    EXPECT_EQ(normalise_text("  lots   of    space  "), "lots of space");
    EXPECT_EQ(normalise_text("zero\u200bwidth"), "zerowidth");
}

TEST(NormaliseText, LinesBulletsAndBlankLines) {
    EXPECT_EQ(normalise_text("\u2022 first\r\n\r\n  \u25e6 second \n- third\n* fourth\n\u25aa fifth\n\u00b7 sixth\n"),
              "first\nsecond\nthird\nfourth\nfifth\nsixth");
    EXPECT_EQ(normalise_text("-5 degrees\n*note"), "-5 degrees\n*note") << "a sign is not a bullet";
    EXPECT_EQ(normalise_text("a\rb"), "a\nb");
    EXPECT_EQ(normalise_text("\u2713 Been assessed"), "\u2713 Been assessed") << "a tick means done: kept";
    EXPECT_EQ(normalise_text(""), "");
    EXPECT_EQ(normalise_text(" \n \n"), "");
}

TEST(NormaliseText, Nfkc) {
    EXPECT_EQ(normalise_text("\ufb01nance"), "finance");
    EXPECT_EQ(normalise_text("\uff12\uff10\uff11\uff19"), "2019");
    EXPECT_EQ(normalise_text("1^{st} and 2\u207f\u1d48"), "1^{st} and 2nd");
    EXPECT_EQ(normalise_text("cafe\u0301"), "caf\u00e9");
}

TEST(NormaliseText, InvalidUtf8BecomesReplacementCharacter) {
    EXPECT_EQ(normalise_text(std::string("a\xff" "b", 3)), "a\ufffdb");
    EXPECT_EQ(normalise_text(std::string("\xc3", 1)), "\ufffd");
    EXPECT_EQ(normalise_text(std::string("\xed\xa0\x80", 3)), "\ufffd\ufffd\ufffd") << "a surrogate is not UTF-8";
    EXPECT_EQ(normalise_text(std::string("x\0y", 3)), "xy");
}

TEST(FoldForMatching, SameActionRetyped) {
    // The same action re-typed in another service's tracker: hyphens, "&"/"and", case and curly quotes.
    EXPECT_EQ(fold_for_matching("Three year budget planning"), fold_for_matching("Three-year budget planning"));
    EXPECT_EQ(fold_for_matching("Children & Families"), fold_for_matching("children and families"));
    EXPECT_EQ(fold_for_matching("the \u201cone team\u201d culture"), fold_for_matching("The \"one team\" culture"));
    EXPECT_EQ(fold_for_matching("Children\u2019s Services"), "childrens services");
    EXPECT_EQ(fold_for_matching("Implications [Risk, Cost, Resource]"), "implications risk cost resource");
    EXPECT_EQ(fold_for_matching("  Lead(s)\n  Timescale "), "lead s timescale");
    EXPECT_EQ(fold_for_matching("STRASSE Stra\u00dfe"), "strasse strasse");
    EXPECT_EQ(fold_for_matching("\u00c9ch\u00e9ance"), "echeance");
    EXPECT_NE(fold_for_matching("Integrated approach to budget planning"), fold_for_matching("Three year budget planning"));
}

// normalise_text and fold_for_matching take a shortcut for ASCII (no
// utf8proc). The shortcut must give what the Unicode path gives: a non-ASCII
// letter after the ASCII text sends it down the Unicode path.
TEST(TextAsciiShortcut, GivesWhatTheUnicodePathGives) {
    std::uint64_t state = 0x2545F4914F6CDD1Dull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const std::string alphabet = "abcXYZ019 -*&'`%.,;:()/\n\r\t\v\f\x01\x7f\"#_|~!?";
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        const std::size_t length = next() % 24;
        for (std::size_t i = 0; i < length; ++i) text += alphabet[next() % alphabet.size()];
        const std::string ascii = normalise_text(text);
        const std::string unicode = normalise_text(text + "\n\xC3\xA9");  // "é" on a line of its own
        EXPECT_EQ(unicode, ascii + (ascii.empty() ? "" : "\n") + "\xC3\xA9") << "text: " << text;
        const std::string folded = fold_for_matching(text);
        const std::string folded_unicode = fold_for_matching(text + " \xC3\xA9");
        EXPECT_EQ(folded_unicode, folded + (folded.empty() ? "" : " ") + "e") << "text: " << text;
    }
}

}  // namespace
}  // namespace plancon
