using FsCheck;
using FsCheck.Fluent;

namespace NetworkAnalysis.Testing;

/// <summary>
/// Strings over the whole of Unicode for property tests that claim "any Unicode string" (FsCheck's default string
/// generator stays within Latin-1): every piece is one code point, drawn from a mix of classes so that the rare ones
/// appear in every run.
/// </summary>
/// <remarks>
/// Classes: ASCII and C0/C1 controls; Latin-1 and Latin Extended; other BMP scripts (Greek, Cyrillic, Arabic, Hebrew,
/// Devanagari, Thai, CJK, Hangul, fullwidth forms); any BMP scalar value; supplementary planes as surrogate pairs (emoji,
/// mathematical digits, CJK Extension B, tag characters, private use) and any code point up to U+10FFFF; noncharacters
/// (U+FDD0..U+FDEF and the last two of every plane); bidi controls (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069);
/// zero-width and invisible characters (U+200B..U+200D, U+2060, U+FEFF, U+00AD); combining marks, variation selectors and
/// the keycap; line and paragraph separators; lone high and low surrogates.
/// </remarks>
public static class UnicodeText
{
    /// <summary>Bidi control characters.</summary>
    public static IReadOnlyList<int> BidiControls { get; } =
        [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069];

    /// <summary>Zero-width and otherwise invisible characters.</summary>
    public static IReadOnlyList<int> ZeroWidth { get; } = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E];

    /// <summary>Combining marks, variation selectors and the combining keycap.</summary>
    public static IReadOnlyList<int> Marks { get; } = [0x0301, 0x0308, 0x0327, 0x064B, 0x093C, 0x0E48, 0x20DD, 0xFE0E, 0xFE0F, 0x20E3, 0x1F3FB];

    /// <summary>Whether a code point is a Unicode noncharacter.</summary>
    public static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;

    private static Gen<int> Range(int from, int to) => Gen.Choose(from, to);

    private static Gen<int> OneOf(IReadOnlyList<int> values) => Gen.Elements(values.ToArray());

    /// <summary>One code point (a lone surrogate counts as one), weighted across the classes in the remarks.</summary>
    public static Gen<int> CodePoint { get; } = Gen.Frequency(
        (14, Range(0x20, 0x7E)),
        (2, Gen.OneOf(Range(0x00, 0x1F), Range(0x7F, 0x9F))),
        (4, Range(0xA0, 0x24F)),
        (6, Gen.OneOf(Range(0x370, 0x3FF), Range(0x400, 0x4FF), Range(0x590, 0x5FF), Range(0x600, 0x6FF), Range(0x900, 0x97F),
            Range(0xE00, 0xE7F), Range(0x3040, 0x30FF), Range(0x4E00, 0x9FFF), Range(0xAC00, 0xD7A3), Range(0xFF00, 0xFFEF))),
        (4, Range(0x0000, 0xFFFF).Where(cp => cp is < 0xD800 or > 0xDFFF)),
        (5, Gen.OneOf(Range(0x1F300, 0x1FAFF), Range(0x1D7CE, 0x1D7FF), Range(0x20000, 0x2A6DF), Range(0xE0000, 0xE007F), Range(0xF0000, 0x10FFFD))),
        (3, Range(0x10000, 0x10FFFF)),
        (2, Gen.OneOf(Range(0xFDD0, 0xFDEF), Range(0, 16).Select(plane => (plane << 16) | 0xFFFE), Range(0, 16).Select(plane => (plane << 16) | 0xFFFF))),
        (3, OneOf(BidiControls)),
        (3, OneOf(ZeroWidth)),
        (3, OneOf(Marks)),
        (1, Gen.Elements(0x2028, 0x2029, 0x0085)),
        (2, Gen.OneOf(Range(0xD800, 0xDBFF), Range(0xDC00, 0xDFFF))));

    /// <summary>The UTF-16 text of a code point; a surrogate code point gives that lone surrogate.</summary>
    public static string Encode(int cp) => cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);

    /// <summary>Strings of such code points (FsCheck's size bounds the length).</summary>
    public static Gen<string> Strings { get; } = CodePoint.Select(Encode).ListOf().Select(parts => string.Concat(parts));

    /// <summary><see cref="Strings"/> with a shrinker that drops halves, then single UTF-16 units.</summary>
    public static Arbitrary<string> Arbitrary { get; } = Arb.From(Strings, Shrink);

    private static IEnumerable<string> Shrink(string s)
    {
        if (s.Length == 0)
        {
            yield break;
        }

        yield return s[..(s.Length / 2)];
        yield return s[(s.Length / 2)..];
        for (var i = 0; i < Math.Min(s.Length, 32); i++)
        {
            yield return s.Remove(i, 1);
        }
    }

    /// <summary>The string with every character outside printable ASCII written as \uXXXX, for failure messages.</summary>
    public static string Escape(string s) =>
        string.Concat(s.Select(c => c is >= ' ' and < '\x7F' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}"));
}
