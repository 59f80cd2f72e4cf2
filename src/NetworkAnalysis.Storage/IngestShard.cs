using System.Globalization;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Storage;

/// <summary>One of <see cref="Count"/> disjoint parts of an input file (<c>--shard i/n</c>), so several ingest workers can
/// share a file: every worker reads the whole file and extracts and stores only the records of its shard.</summary>
/// <remarks>
/// An ad belongs to the shard its key (site and id) hashes to (FNV-1a over the key's UTF-16 code units, a hash that is the
/// same in every process), so every capture of one ad falls in one shard and is met in file order there. A malformed row
/// (no key) belongs to the shard of its record index. Shard 0 of 1 is the whole file.
/// </remarks>
/// <param name="Index">This shard, from 0.</param>
/// <param name="Count">How many shards the file is split into, from 1.</param>
public readonly record struct IngestShard(int Index, int Count)
{
    /// <summary>The most shards a file may be split into.</summary>
    public const int MaxCount = 4096;

    /// <summary>The whole file.</summary>
    public static IngestShard All { get; } = new(0, 1);

    /// <summary>Parses <c>i/n</c> (0 ≤ i &lt; n ≤ <see cref="MaxCount"/>).</summary>
    /// <exception cref="FormatException">The text is not of that form; the message says why.</exception>
    public static IngestShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"--shard: '{text}' is not of the form i/n (e.g. 0/4: the first of four shards)");
        }

        if (count < 1 || count > MaxCount || index >= count)
        {
            throw new FormatException($"--shard: '{text}' needs 0 <= i < n <= {MaxCount} (shards are numbered from 0)");
        }

        return new IngestShard(index, count);
    }

    /// <summary>Whether the item read at <paramref name="recordIndex"/> (from 0, as <see cref="AdSourceReader"/> counts
    /// them) belongs to this shard.</summary>
    public bool Takes(AdReadItem item, long recordIndex)
    {
        if (Count == 1)
        {
            return true;
        }

        var bucket = item.Ad is { } ad ? Fnv1a(ad.Key) % (ulong)Count : (ulong)recordIndex % (ulong)Count;
        return bucket == (ulong)Index;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";

    private static ulong Fnv1a(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
