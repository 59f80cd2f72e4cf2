using System.Text;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>The ad facts' string pool (issue #21, session 14) gives the strings UTF-8 decoding gives, one per distinct value.</summary>
public sealed class Utf8StringPoolTests
{
    [Fact]
    public void Get_RepeatedAndOddValues_SameStringsAsDecoding_OneInstancePerValue()
    {
        // Given: repeated values, an empty one, non-ASCII, invalid UTF-8 and one longer than the pool's first buffer
        byte[][] values =
        [
            "2026-01-26T16:38:00Z"u8.ToArray(), "Zürich"u8.ToArray(), [], [0x61, 0xFF, 0x62], [0xED, 0xA0, 0x80],
            Encoding.UTF8.GetBytes(new string('x', 300) + "é"), "2026-01-26T16:38:00Z"u8.ToArray(), "Zürich"u8.ToArray(),
        ];
        var pool = new Utf8StringPool();

        // When
        var got = values.Select(v => pool.Get(v)).ToList();

        // Then
        got.ShouldBe(values.Select(v => Encoding.UTF8.GetString(v)).ToList());
        ReferenceEquals(got[0], got[6]).ShouldBeTrue();
        ReferenceEquals(got[1], got[7]).ShouldBeTrue();
    }

    [Fact]
    public void Get_PastTheLimit_NewValuesStillDecodedButNotKept()
    {
        // Given: a pool of two values
        var pool = new Utf8StringPool(limit: 2);
        var a = pool.Get("a"u8);
        var b = pool.Get("b"u8);

        // When
        var c1 = pool.Get("c"u8);
        var c2 = pool.Get("c"u8);

        // Then: the first two are pooled, the third decoded each time
        pool.Get("a"u8).ShouldBeSameAs(a);
        pool.Get("b"u8).ShouldBeSameAs(b);
        c1.ShouldBe("c");
        c2.ShouldBe("c");
        ReferenceEquals(c1, c2).ShouldBeFalse();
    }
}
