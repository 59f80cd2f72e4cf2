using System.Text;
using FsCheck.Fluent;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Properties;

/// <summary>The "any Unicode string" generator really covers Unicode: every class the property tests rely on appears.</summary>
public sealed class UnicodeTextTests
{
    [Fact]
    public void Strings_SeededRun_HoldEveryClassOfCodePoint()
    {
        // Given the strings a 1,000-case seeded property run sees
        var seen = new List<string>();
        SeededProperty.Check(Prop.ForAll(UnicodeText.Arbitrary, s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }

            return true;
        }), 1_000, 5);
        var all = string.Concat(seen);
        var scalars = all.EnumerateRunes().Select(r => r.Value).ToHashSet();

        // Then they hold surrogate pairs (non-BMP), lone surrogates, noncharacters, bidi controls, zero-width characters,
        // combining marks, C0/C1 controls, CJK and right-to-left letters, and code points from the last planes
        bool Has(Func<int, bool> test) => scalars.Any(test);
        Has(cp => cp > 0xFFFF).ShouldBeTrue("non-BMP (surrogate pairs)");
        Has(cp => cp >= 0xF0000).ShouldBeTrue("planes 15-16");
        Has(cp => cp is >= 0x1F300 and <= 0x1FAFF).ShouldBeTrue("emoji");
        all.Where((c, i) => char.IsHighSurrogate(c) && (i + 1 == all.Length || !char.IsLowSurrogate(all[i + 1]))).ShouldNotBeEmpty("lone high surrogate");
        all.Where((c, i) => char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(all[i - 1]))).ShouldNotBeEmpty("lone low surrogate");
        Has(UnicodeText.IsNoncharacter).ShouldBeTrue("noncharacter");
        Has(cp => cp > 0xFFFF && UnicodeText.IsNoncharacter(cp)).ShouldBeTrue("non-BMP noncharacter");
        UnicodeText.BidiControls.Count(scalars.Contains).ShouldBeGreaterThan(6, "bidi controls");
        UnicodeText.ZeroWidth.Count(scalars.Contains).ShouldBeGreaterThan(4, "zero-width characters");
        Has(cp => cp is >= 0x0300 and <= 0x036F || cp is 0x20E3 or 0xFE0F).ShouldBeTrue("combining marks");
        Has(cp => cp is < 0x20 or (>= 0x7F and <= 0x9F)).ShouldBeTrue("controls");
        Has(cp => cp is >= 0x4E00 and <= 0x9FFF).ShouldBeTrue("CJK");
        Has(cp => cp is >= 0x0590 and <= 0x06FF).ShouldBeTrue("Hebrew/Arabic");
        Encoding.UTF8.GetByteCount(all).ShouldBeGreaterThan(all.Length, "multi-byte UTF-8");
    }
}
