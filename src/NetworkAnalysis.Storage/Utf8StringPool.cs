using System.Text;

namespace NetworkAnalysis.Storage;

/// <summary>
/// One string per distinct UTF-8 value read (issue #21, session 14): a value seen before is looked up by its characters,
/// decoded into a reused buffer, and comes back as the string made the first time, so that reading every ad's city and
/// posting time does not allocate a string per ad. At 10,000,000 ads that was 10,000,000 posting times and as many city
/// strings thrown away at once, on the other core while the clustering ran, all promoted through the collector's
/// generations. The strings are those <see cref="Encoding.UTF8"/> makes (invalid bytes as U+FFFD), as before.
/// </summary>
internal sealed class Utf8StringPool
{
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _limit;
    private char[] _chars = new char[64];

    /// <summary>A pool that keeps at most <paramref name="limit"/> distinct values (past that, new values are not pooled).</summary>
    public Utf8StringPool(int limit = int.MaxValue)
    {
        _limit = limit;
        _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        var max = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (max > _chars.Length)
        {
            _chars = new char[Math.Max(max, _chars.Length * 2)];
        }

        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
        if (_lookup.TryGetValue(chars, out var pooled))
        {
            return pooled;
        }

        var value = new string(chars);
        if (_pool.Count < _limit)
        {
            _pool[value] = value;
        }

        return value;
    }
}
