using System.Runtime.InteropServices;
using SQLitePCL;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Mention pairs per chunk of a prefetch (<see cref="MentionChunks"/>) at or above which the mentions are read in
    /// more than one chunk.</summary>
    private const int MentionsPerChunk = 1 << 19;

    /// <summary>
    /// Threads that read a prefetch's chunks from the front, each on a scan connection of its own (the analysis's thread reads
    /// from the back once its own scans are done).
    /// </summary>
    /// <remarks>
    /// Issue #21, session 17: on a page cache without the case (dropped, or the mentions' index pushed out by a 10M ingest's
    /// writes) the chunks wait on the disk, one read at a time per thread; two readers halved that wait (the 10M case's load
    /// with the page cache dropped: mentions 21.2 -> 8.1 s, load 41.5 -> 28.4 s), and cost nothing warm (load 19.7 -> 16.4 s,
    /// one run each).
    /// </remarks>
    private const int MentionReaders = 2;

    /// <summary>Tests only: another chunk size for the loads of this async flow (so a small case is read in many chunks).</summary>
    internal static readonly AsyncLocal<int?> MentionsPerChunkForTests = new();

    /// <summary>The ad and entity of the mentions up to a row ID whose ad lies in a range, packed as in <see cref="MentionPairsScan"/>
    /// (<see cref="MentionChunks"/>): a range of the covering index <c>mentions_ad</c> (ad, entity).</summary>
    internal const string MentionChunkScan = $"SELECT {PackedMentionPair} FROM mentions WHERE ad BETWEEN ?2 AND ?3 AND +id <= ?1;";

    /// <summary>
    /// The mention pairs of a load read in chunks of ad row IDs, each into a buffer of its own: the prefetch thread takes
    /// chunks from the front; the analysis's thread, once its own scans are done, takes chunks from the back instead of waiting
    /// (<see cref="Help"/>). The chunks, in order, are the pairs in <c>mentions_ad</c> order, so <see cref="LinksInOrder"/>
    /// still finds them sorted.
    /// </summary>
    /// <remarks>
    /// Issue #21, session 17: at 10,000,000 ads, once the ad and entity scans no longer paid SQLite's mutex and the type names'
    /// parsing, they took less time (about 10 s) than the 43,000,000 mentions (about 12 s), so the analysis's thread waited
    /// for the other one. A case whose <c>mentions_ad</c> does not cover the entity (created before session 16) is read in one
    /// chunk in row order, as before: ranges of a non-covering index would look every mention's row up.
    /// </remarks>
    internal sealed class MentionChunks
    {
        private readonly Lock _gate = new();
        private readonly long _max;
        private readonly long _expected;
        private readonly long[] _bounds;
        private readonly List<long>?[] _pairs;
        private readonly bool _ranged;
        private int _front;
        private int _back;

        /// <param name="max">The highest mention row ID to read.</param>
        /// <param name="expected">How many mentions there are up to it (the analysis's count).</param>
        /// <param name="adMax">The highest ad row ID: the chunks cut 0 .. it into equal ranges (the first and last open-ended).</param>
        /// <param name="ranged">Whether the case's <c>mentions_ad</c> index covers (ad, entity), so that ranges of it can be read.</param>
        public MentionChunks(long max, long expected, long adMax, bool ranged)
        {
            _max = max;
            _expected = expected;
            _ranged = ranged;
            var perChunk = MentionsPerChunkForTests.Value ?? MentionsPerChunk;
            var chunks = ranged ? (int)Math.Clamp(expected / perChunk, 1, Math.Max(1, adMax)) : 1;
            chunks = Math.Min(chunks, 1024);
            _bounds = new long[chunks + 1];
            for (var c = 1; c < chunks; c++)
            {
                _bounds[c] = (long)((double)adMax * c / chunks) + 1;
            }

            _bounds[0] = long.MinValue;
            _bounds[chunks] = long.MaxValue;
            _pairs = new List<long>?[chunks];
            _back = chunks;
        }

        /// <summary>How many chunks the mentions are read in.</summary>
        public int Count => _pairs.Length;

        /// <summary>Reads chunks from the front on <paramref name="db"/> (the prefetch thread) until none is left.</summary>
        public void ReadFromFront(sqlite3 db, CancellationToken ct) => Read(db, fromFront: true, ct);

        /// <summary>Reads chunks from the back on <paramref name="db"/> (the analysis's thread) until none is left.</summary>
        public void Help(sqlite3 db, CancellationToken ct) => Read(db, fromFront: false, ct);

        /// <summary>Every pair, chunk after chunk, once every chunk has been read and there are as many as expected; else null.</summary>
        public List<long>[]? Result()
        {
            var result = new List<long>[_pairs.Length];
            long total = 0;
            for (var c = 0; c < _pairs.Length; c++)
            {
                if (_pairs[c] is not { } chunk)
                {
                    return null;
                }

                result[c] = chunk;
                total += chunk.Count;
            }

            return total == _expected ? result : null;
        }

        private void Read(sqlite3 db, bool fromFront, CancellationToken ct)
        {
            while (Take(fromFront) is var c and >= 0)
            {
                var pairs = new List<long>((int)Math.Min(Array.MaxLength, (_expected / _pairs.Length) + (_expected / (4 * _pairs.Length)) + 16));
                if (!ReadChunk(db, c, pairs, ct))
                {
                    return; // more rows than the analysis sees: Result() is null, and the mentions are read in its transaction
                }

                _pairs[c] = pairs;
            }
        }

        private int Take(bool fromFront)
        {
            lock (_gate)
            {
                if (_front >= _back)
                {
                    return -1;
                }

                return fromFront ? _front++ : --_back;
            }
        }

        private bool ReadChunk(sqlite3 db, int c, List<long> pairs, CancellationToken ct)
        {
            var rc = raw.sqlite3_prepare_v2(db, _ranged ? MentionChunkScan : MentionPairsScan, out var stmt);
            Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
            using (stmt)
            {
                Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(stmt, 1, _max), db);
                if (_ranged)
                {
                    Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(stmt, 2, _bounds[c]), db);
                    Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(stmt, 3, _bounds[c + 1] == long.MaxValue ? long.MaxValue : _bounds[c + 1] - 1), db);
                }

                while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
                {
                    if (pairs.Count == _expected)
                    {
                        return false;
                    }

                    pairs.Add(raw.sqlite3_column_int64(stmt, 0));
                    if ((pairs.Count & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                }

                if (rc != raw.SQLITE_DONE)
                {
                    Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
                }
            }

            return true;
        }
    }

    /// <summary>Whether the case's <c>mentions_ad</c> index holds (ad, entity), so that <see cref="MentionChunkScan"/> reads a
    /// range of it alone (a case created since session 16), judged by SQLite's own plan for it on <paramref name="db"/>.</summary>
    private static bool MentionsReadInRanges(sqlite3 db)
    {
        var rc = raw.sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN " + MentionChunkScan, out var stmt);
        Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
        using (stmt)
        {
            var covering = false;
            while (raw.sqlite3_step(stmt) == raw.SQLITE_ROW)
            {
                covering |= raw.sqlite3_column_text(stmt, 3).utf8_to_string().Contains("COVERING INDEX mentions_ad", StringComparison.Ordinal);
            }

            return covering;
        }
    }

    /// <summary>The pairs of <paramref name="chunks"/> in order as a span of each chunk, with where each starts.</summary>
    private static int[] ChunkStarts(List<long>[] chunks)
    {
        var starts = new int[chunks.Length + 1];
        for (var c = 0; c < chunks.Length; c++)
        {
            starts[c + 1] = starts[c] + chunks[c].Count;
        }

        return starts;
    }

    /// <summary>The pairs of chunk <paramref name="c"/>.</summary>
    private static ReadOnlySpan<long> ChunkPairs(List<long>[] chunks, int c) => CollectionsMarshal.AsSpan(chunks[c]);
}
