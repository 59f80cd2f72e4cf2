using System.Buffers.Binary;

namespace NetworkAnalysis.Storage;

/// <summary>Reads the 100-byte SQLite file header to name damage SQLite itself would report vaguely or not at all.</summary>
/// <remarks>
/// A file cut short keeps a header that still states the full page count (bytes 28-31, valid when bytes 92-95 equal
/// the change counter at 24-27), so truncation is found without reading a single page. A non-empty write-ahead log
/// beside the file may legitimately hold pages past the end of the main file, so then the size is not judged.
/// </remarks>
internal sealed record CaseFileHeader(long Length, int PageSize, long? PageCount, string? Problem)
{
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    public static CaseFileHeader Read(string fullPath)
    {
        var length = new FileInfo(fullPath).Length;
        if (length == 0)
        {
            return new(0, 0, null, "the file is empty (0 bytes): it was truncated or never written");
        }

        Span<byte> header = stackalloc byte[100];
        // Never through a new stream: closing it would drop the SQLite locks of this process's connections.
        var read = CaseFileHandles.ReadStart(fullPath, header);

        if (read < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            return new(length, 0, null, "it is not a SQLite database, so not a NetworkAnalysis case file (its first bytes are not the SQLite header; wrong file, or its start was overwritten)");
        }

        if (read < 100)
        {
            return new(length, 0, null, $"the file is {length:N0} bytes, shorter than the 100-byte SQLite header: it was truncated");
        }

        var rawPageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        var pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return new(length, pageSize, null, $"the header's page size ({rawPageSize}) is invalid: the header was overwritten");
        }

        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        long? pageCount = validFor == changeCounter ? BinaryPrimitives.ReadUInt32BigEndian(header[28..]) : null;
        if (pageCount is > 0 && pageCount.Value * pageSize > length && !HasWal(fullPath))
        {
            return new(length, pageSize, pageCount,
                $"the file is truncated: its header records {pageCount.Value:N0} pages of {pageSize:N0} bytes ({pageCount.Value * pageSize:N0} bytes) but only {length:N0} bytes are present");
        }

        if (length % pageSize != 0 && !HasWal(fullPath))
        {
            return new(length, pageSize, pageCount, $"the file size ({length:N0} bytes) is not a whole number of {pageSize:N0}-byte pages: it was truncated or appended to");
        }

        return new(length, pageSize, pageCount, null);
    }

    /// <summary>Throws a <see cref="CaseStoreException"/> naming the damage, when the header shows any.</summary>
    public static void ThrowIfDamaged(string fullPath, string shownPath)
    {
        if (Read(fullPath).Problem is { } problem)
        {
            throw new CaseStoreException($"cannot open case file {shownPath}: {problem} (run `netan doctor {shownPath}`)");
        }
    }

    private static bool HasWal(string fullPath)
    {
        var wal = new FileInfo(fullPath + "-wal");
        return wal.Exists && wal.Length > 0;
    }
}
