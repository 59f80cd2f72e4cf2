using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

/// <summary>How <c>ads.raw</c> (the input's row, kept for provenance) is stored without repeating the ad's own columns (#21),
/// and the one way to read it back.</summary>
/// <remarks>
/// A JSON Lines or CSV row usually holds the ad's title, body, image list and image hashes verbatim, and the same values are
/// stored in the ad's <c>title</c>, <c>body</c>, <c>images</c> and <c>image_hashes</c> columns: about 60% of a generated row.
/// <see cref="Encode"/> cuts each of them out of the row where it occurs verbatim (one occurrence each, never overlapping,
/// never splitting a UTF-16 surrogate pair) and records where: the stored text is U+0001, the cuts as a letter and the offset
/// in the remainder (<c>t</c> title, <c>b</c> body, <c>i</c> images, <c>h</c> image hashes, each followed by <c>;</c>), U+0002
/// and the remainder. A row with nothing to cut is stored as it is; one that itself begins with U+0001 is stored as U+0001
/// U+0002 and the row, so every stored form decodes to exactly the input's row. <see cref="Decode"/> puts the values back
/// from the same ad's columns. Rows written before this change are plain and decode to themselves, so old case files read
/// unchanged. Ad versions (<c>ad_versions.raw</c>) are stored plain. SQL reads the row through the <c>ad_raw(raw, title,
/// body, images, image_hashes)</c> function that <see cref="Register"/> adds to a SQLite connection (every
/// <see cref="CaseStore"/> connection has it).
/// </remarks>
internal static class AdRawRow
{
    /// <summary>The SQL function that decodes a stored row: <c>ad_raw(raw, title, body, images, image_hashes)</c>.</summary>
    public const string SqlFunction = "ad_raw";

    private const char Marker = '\u0001';
    private const char EndOfCuts = '\u0002';

    /// <summary>Values shorter than this are left in the row: the cut's offset would cost about as much.</summary>
    private const int ShortestCut = 8;

    /// <summary>The form of <paramref name="raw"/> stored beside these column values.</summary>
    public static string Encode(string raw, string? title, string? body, string? images, string? imageHashes)
    {
        Span<(int Start, int Length, char Field)> cuts = stackalloc (int, int, char)[4];
        var count = FindCuts(raw, title, body, images, imageHashes, cuts);
        if (count == 0)
        {
            return raw.Length > 0 && raw[0] == Marker ? string.Concat("\u0001\u0002", raw) : raw;
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(raw.Length + 64);
        try
        {
            return new string(buffer, 0, Write(raw, cuts[..count], buffer));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The UTF-8 bytes of <see cref="Encode"/>'s result, as SQLite stores them, without building that string first
    /// (the extraction threads call this for every ad: one array instead of two builders, a string and the array) (#21).</summary>
    public static byte[] EncodeUtf8(string raw, string? title, string? body, string? images, string? imageHashes)
    {
        Span<(int Start, int Length, char Field)> cuts = stackalloc (int, int, char)[4];
        var count = FindCuts(raw, title, body, images, imageHashes, cuts);
        if (count == 0)
        {
            return AdInsertRow.Utf8(raw.Length > 0 && raw[0] == Marker ? string.Concat("\u0001\u0002", raw) : raw);
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(raw.Length + 64);
        try
        {
            // Encoded in one piece, like the string: a surrogate pair that only meets across a cut encodes the same way.
            var stored = buffer.AsSpan(0, Write(raw, cuts[..count], buffer));
            var bytes = new byte[Encoding.UTF8.GetByteCount(stored)];
            Encoding.UTF8.GetBytes(stored, bytes);
            return bytes;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The cuts to make, in row order; their count.</summary>
    private static int FindCuts(string raw, string? title, string? body, string? images, string? imageHashes, Span<(int Start, int Length, char Field)> cuts)
    {
        var count = 0;
        Find(raw, body, 'b', cuts, ref count);
        Find(raw, imageHashes, 'h', cuts, ref count);
        Find(raw, images, 'i', cuts, ref count);
        Find(raw, title, 't', cuts, ref count);
        cuts[..count].Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return count;
    }

    /// <summary>Writes the stored form (marker, cuts, end of cuts, remainder) into <paramref name="into"/> (at least 64 characters
    /// longer than the row); its length.</summary>
    private static int Write(string raw, ReadOnlySpan<(int Start, int Length, char Field)> cuts, Span<char> into)
    {
        // The header's length first: the remainder follows it, and each cut's offset is counted in the remainder.
        var headerLength = 2;
        var restLength = 0;
        var at = 0;
        foreach (var (start, length, _) in cuts)
        {
            restLength += start - at;
            headerLength += 2 + Digits(restLength);
            at = start + length;
        }

        into[0] = Marker;
        var h = 1;
        var r = headerLength;
        at = 0;
        foreach (var (start, length, field) in cuts)
        {
            raw.AsSpan(at, start - at).CopyTo(into[r..]);
            r += start - at;
            into[h++] = field;
            (r - headerLength).TryFormat(into[h..], out var written, default, CultureInfo.InvariantCulture);
            h += written;
            into[h++] = ';';
            at = start + length;
        }

        into[h] = EndOfCuts;
        raw.AsSpan(at).CopyTo(into[r..]);
        return r + raw.Length - at;
    }

    private static int Digits(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    /// <summary>The input's row from its stored form and the same ad's columns; null when the stored form is damaged.</summary>
    public static string? Decode(string? stored, string? title, string? body, string? images, string? imageHashes)
    {
        if (stored is null || stored.Length == 0 || stored[0] != Marker)
        {
            return stored;
        }

        var end = stored.IndexOf(EndOfCuts, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var restStart = end + 1;
        var restLength = stored.Length - restStart;
        var result = new StringBuilder(stored.Length + (title?.Length ?? 0) + (body?.Length ?? 0) + (imageHashes?.Length ?? 0));
        var copied = 0;
        var pos = 1;
        while (pos < end)
        {
            var field = stored[pos] switch
            {
                't' => title,
                'b' => body,
                'i' => images,
                'h' => imageHashes,
                _ => null,
            };
            var semicolon = stored.IndexOf(';', pos);
            if (field is null || semicolon < 0 || semicolon > end
                || !int.TryParse(stored.AsSpan(pos + 1, semicolon - pos - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                || offset < copied || offset > restLength)
            {
                return null;
            }

            result.Append(stored, restStart + copied, offset - copied).Append(field);
            copied = offset;
            pos = semicolon + 1;
        }

        return result.Append(stored, restStart + copied, restLength - copied).ToString();
    }

    /// <summary>Adds <c>ad_raw(raw, title, body, images, image_hashes)</c> to <paramref name="connection"/>.</summary>
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, string?, string?, string?, string?>(
            SqlFunction, static (raw, title, body, images, hashes) => Decode(raw, title, body, images, hashes), isDeterministic: true);

    private static void Find(string raw, string? value, char field, Span<(int Start, int Length, char Field)> cuts, ref int count)
    {
        if (value is null || value.Length < ShortestCut || char.IsSurrogate(value[0]) || char.IsSurrogate(value[^1]))
        {
            return;
        }

        // The first occurrence that overlaps no cut already made.
        for (var from = 0; from <= raw.Length - value.Length;)
        {
            var start = raw.IndexOf(value, from, StringComparison.Ordinal);
            if (start < 0)
            {
                return;
            }

            var overlaps = false;
            foreach (var cut in cuts[..count])
            {
                if (start < cut.Start + cut.Length && cut.Start < start + value.Length)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                cuts[count++] = (start, value.Length, field);
                return;
            }

            from = start + 1;
        }
    }
}
