using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

/// <summary>
/// What a graph snapshot was built from (issue #21): count and highest row ID of <c>ads</c>, <c>entities</c> and <c>mentions</c>,
/// and the key columns of each table's highest row, all read in the read transaction that loaded the graph.
/// </summary>
internal readonly record struct GraphSnapshotStamp(
    long AdCount, long AdMax, string AdMaxKey,
    long EntityCount, long EntityMax, string EntityMaxType, string EntityMaxValue,
    long MentionCount, long MentionMax, long MentionMaxAd, long MentionMaxEntity);

/// <summary>
/// The binary graph snapshot beside a case (<c>CASE.graph</c>, issue #21): the analysed incidence (ads in key order with row IDs,
/// cities and posting times; entities in type/value order with row IDs; distinct links in (ad row, entity row) order), the
/// <see cref="GraphSnapshotStamp"/> it was built from and a token that must equal the case's <c>meta</c> row
/// <c>graph_snapshot</c>. The last 32 bytes are the SHA-256 of everything before them.
/// </summary>
internal static class GraphSnapshotFile
{
    private const string Magic = "netan graph snapshot";
    private const int FormatVersion = 1;

    /// <summary>The file's contents once read and verified.</summary>
    internal sealed record Contents(string Token, GraphSnapshotStamp Stamp, CaseSnapshot Snapshot);

    /// <summary>Writes <paramref name="snapshot"/> (every ad's facts loaded) to <paramref name="path"/> through a temporary file.</summary>
    public static void Write(string path, string token, GraphSnapshotStamp stamp, CaseSnapshot snapshot)
    {
        var temporary = WriteTemporary(path, token, stamp, snapshot);
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes the file as <see cref="Write"/> does under its temporary name (<c>CASE.graph.tmp-PID</c>), which is returned:
    /// the caller renames it to <paramref name="path"/> or deletes it.</summary>
    public static string WriteTemporary(string path, string token, GraphSnapshotStamp stamp, CaseSnapshot snapshot)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                using var hashing = new HashingStream(file, long.MaxValue);
                using (var buffered = new BufferedStream(hashing, 1 << 20))
                using (var w = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
                {
                    WritePayload(w, token, stamp, snapshot);
                }

                file.Write(hashing.Hash());
            }

            return temporary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Deletes the temporary files (<c>CASE.graph.tmp-PID</c>) that a writer killed before it renamed its snapshot left
    /// beside <paramref name="path"/>: those whose process is no longer running. Returns how many it deleted.</summary>
    public static int SweepStale(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        var prefix = System.IO.Path.GetFileName(path) + ".tmp-";
        if (directory is null || !Directory.Exists(directory))
        {
            return 0;
        }

        var swept = 0;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var name = System.IO.Path.GetFileName(file);
            if (!name.StartsWith(prefix, StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                swept++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone already, or not ours to delete: left alone.
            }
        }

        return swept;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void WritePayload(BinaryWriter w, string token, GraphSnapshotStamp stamp, CaseSnapshot snapshot)
    {
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(BitConverter.IsLittleEndian);
        w.Write(token);
        w.Write(stamp.AdCount);
        w.Write(stamp.AdMax);
        w.Write(stamp.AdMaxKey);
        w.Write(stamp.EntityCount);
        w.Write(stamp.EntityMax);
        w.Write(stamp.EntityMaxType);
        w.Write(stamp.EntityMaxValue);
        w.Write(stamp.MentionCount);
        w.Write(stamp.MentionMax);
        w.Write(stamp.MentionMaxAd);
        w.Write(stamp.MentionMaxEntity);

        var incidence = snapshot.Incidence;
        var cityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cities = new List<string>();
        var cityOf = new int[incidence.AdCount];
        for (var a = 0; a < cityOf.Length; a++)
        {
            cityOf[a] = snapshot.AdCities[a] is { } city ? (cityIndex.TryGetValue(city, out var c) ? c : cityIndex[city] = AddTo(cities, city)) : -1;
        }

        w.Write(cities.Count);
        foreach (var city in cities)
        {
            w.Write(city);
        }

        w.Write(incidence.AdCount);
        w.Write(MemoryMarshal.AsBytes(snapshot.AdRowIds.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(cityOf.AsSpan()));
        for (var a = 0; a < incidence.AdCount; a++)
        {
            w.Write(incidence.AdKeys[a]);
            w.Write(snapshot.AdPostedAt[a] is not null);
            if (snapshot.AdPostedAt[a] is { } posted)
            {
                w.Write(posted);
            }
        }

        w.Write(incidence.EntityCount);
        w.Write(MemoryMarshal.AsBytes(snapshot.EntityRowIds.AsSpan()));
        for (var e = 0; e < incidence.EntityCount; e++)
        {
            w.Write((int)incidence.EntityTypes[e]);
            w.Write(incidence.EntityValues[e]);
        }

        w.Write(incidence.LinkCount);
        w.Write(MemoryMarshal.AsBytes(incidence.LinkAds.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(incidence.LinkEntities.AsSpan()));
    }

    private static int AddTo(List<string> list, string value)
    {
        list.Add(value);
        return list.Count - 1;
    }

    /// <summary>Reads and verifies the file.</summary>
    /// <exception cref="InvalidDataException">Truncated, corrupt, of another format version, or written on a machine of the other byte order.</exception>
    public static Contents Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var payload = file.Length - 32;
        if (payload <= 0)
        {
            throw new InvalidDataException($"truncated ({file.Length} bytes)");
        }

        Contents contents;
        using var hashing = new HashingStream(file, payload);
        try
        {
            using var buffered = new BufferedStream(hashing, 1 << 20);
            using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            contents = ReadPayload(r, payload);
            if (buffered.ReadByte() != -1)
            {
                throw new InvalidDataException("bytes after the snapshot");
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("truncated");
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("corrupt text");
        }

        Span<byte> stored = stackalloc byte[32];
        file.Position = payload;
        file.ReadExactly(stored);
        if (!stored.SequenceEqual(hashing.Hash()))
        {
            throw new InvalidDataException("checksum mismatch");
        }

        return contents;
    }

    private static Contents ReadPayload(BinaryReader r, long payload)
    {
        if (r.ReadString() != Magic)
        {
            throw new InvalidDataException("not a graph snapshot");
        }

        if (r.ReadInt32() != FormatVersion || r.ReadBoolean() != BitConverter.IsLittleEndian)
        {
            throw new InvalidDataException("another format version or byte order");
        }

        var token = r.ReadString();
        var stamp = new GraphSnapshotStamp(r.ReadInt64(), r.ReadInt64(), r.ReadString(), r.ReadInt64(), r.ReadInt64(), r.ReadString(), r.ReadString(),
            r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
        var cities = new string[Count(r, payload)];
        for (var i = 0; i < cities.Length; i++)
        {
            cities[i] = r.ReadString();
        }

        var ads = Count(r, payload);
        var adRows = ReadArray<long>(r, ads);
        var cityOf = ReadArray<int>(r, ads);
        var adKeys = new string[ads];
        var adCities = new string?[ads];
        var posted = new string?[ads];
        for (var a = 0; a < ads; a++)
        {
            adKeys[a] = r.ReadString();
            posted[a] = r.ReadBoolean() ? r.ReadString() : null;
            adCities[a] = cityOf[a] switch
            {
                -1 => null,
                var c when c >= 0 && c < cities.Length => cities[c],
                _ => throw new InvalidDataException("city out of range"),
            };
        }

        var entities = Count(r, payload);
        var entityRows = ReadArray<long>(r, entities);
        var types = new EntityType[entities];
        var values = new string[entities];
        var known = Enum.GetValues<EntityType>().Length;
        for (var e = 0; e < entities; e++)
        {
            var type = r.ReadInt32();
            types[e] = type >= 0 && type < known ? (EntityType)type : throw new InvalidDataException("entity type out of range");
            values[e] = r.ReadString();
        }

        var links = Count(r, payload);
        var linkAds = ReadArray<int>(r, links);
        var linkEntities = ReadArray<int>(r, links);
        for (var i = 0; i < links; i++)
        {
            if ((uint)linkAds[i] >= (uint)ads || (uint)linkEntities[i] >= (uint)entities)
            {
                throw new InvalidDataException("link out of range");
            }
        }

        var incidence = new AdEntityIncidence(adKeys, types, values, linkAds, linkEntities);
        return new Contents(token, stamp, new CaseSnapshot(incidence, adRows, entityRows, adCities, posted) { AdFactsLoaded = true, CanonicalEntityTypes = true });
    }

    /// <summary>A count that fits in the file (a corrupt count must not allocate gigabytes before the checksum is checked).</summary>
    private static int Count(BinaryReader r, long payload)
    {
        var n = r.ReadInt32();
        return n >= 0 && n <= payload ? n : throw new InvalidDataException("count out of range");
    }

    private static T[] ReadArray<T>(BinaryReader r, int n)
        where T : unmanaged
    {
        var array = new T[n];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    /// <summary>Passes bytes through (at most <c>limit</c> of them when reading) and hashes them with SHA-256.</summary>
    /// <remarks>Disposing it leaves <c>inner</c> open and the hash readable.</remarks>
    private sealed class HashingStream(Stream inner, long limit) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _remaining = limit;

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>The hash of the bytes so far; the stream's owners call it once, after disposing the buffers over it.</summary>
        public byte[] Hash()
        {
            var hash = _hash.GetHashAndReset();
            _hash.Dispose();
            return hash;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
            _remaining -= n;
            _hash.AppendData(buffer[..n]);
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

    }
}
