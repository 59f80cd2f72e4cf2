using System.Text.Encodings.Web;
using System.Text.Json;
using NetworkAnalysis.Core.Clustering;
using SQLitePCL;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>
    /// Inserts a full replacement's memberships on a case file (issue #21, session 14): one JSON array of cluster IDs per run of
    /// at most <see cref="MembershipSpan"/> consecutive ad row IDs, expanded by <c>json_each</c> as before, but the array is
    /// built from each cluster's ID literal encoded once (not each ad's ID through a JSON writer), and bound to a statement of
    /// SQLite's own API as UTF-8 bytes (not turned into a .NET string for the provider to encode back to UTF-8). At 10,000,000
    /// ads the memberships took 22.6 s, where <c>sqlite3</c> inserts the same rows through <c>json_each</c> in 7.7 s.
    /// Element <c>i</c> is the cluster of ad row <c>base + i</c>, or null for a row with no membership; rows go in in ad row
    /// order, so the table is appended to, and every row holds the same text as before.
    /// </summary>
    private void WriteMembershipsRaw(CaseSnapshot snapshot, ClusteringResult result, int[] clusterOfAd)
    {
        var literals = new ClusterIdLiterals(result.Clusters);
        var db = Connection.Handle!;
        using var insert = Prepare(db, "INSERT INTO memberships(ad, cluster_id) SELECT ?1 + key, value FROM json_each(?2) WHERE type = 'text';");
        // Per element at most the longest literal and a comma ("null," is shorter than any quoted ID but the empty one,
        // which the "+ 5" covers), and the two brackets.
        var buffer = new byte[(MembershipSpan * (Math.Max(literals.MaxLength, 4) + 1)) + 2];
        var rowIds = snapshot.AdRowIds;
        long start = -1, next = 0;
        var length = 0;
        foreach (var a in AdsInRowOrder(snapshot))
        {
            if (clusterOfAd[a] < 0)
            {
                continue;
            }

            var ad = rowIds[a];
            if (ad < next)
            {
                throw new InvalidOperationException("memberships must be added in ascending ad row order");
            }

            if (start >= 0 && ad - start >= MembershipSpan)
            {
                Flush();
            }

            if (start < 0)
            {
                start = next = ad;
                buffer[length++] = (byte)'[';
            }

            for (; next < ad; next++)
            {
                "null,"u8.CopyTo(buffer.AsSpan(length));
                length += 5;
            }

            length += literals.CopyTo(clusterOfAd[a], buffer.AsSpan(length));
            buffer[length++] = (byte)',';
            next++;
        }

        Flush();

        void Flush()
        {
            if (start < 0)
            {
                return;
            }

            // The last element's comma becomes the closing bracket.
            buffer[length - 1] = (byte)']';
            Check(db, raw.sqlite3_bind_int64(insert, 1, start));
            Check(db, raw.sqlite3_bind_text(insert, 2, new ReadOnlySpan<byte>(buffer, 0, length)));
            Step(db, insert);
            start = -1;
            length = 0;
        }
    }

    /// <summary>Ad row IDs covered by one memberships statement.</summary>
    private const int MembershipSpan = 16384;

    /// <summary>Each cluster's ID as a quoted JSON string in UTF-8, side by side in one array (by index in the result).</summary>
    /// <remarks>Issue #21, session 18: when every literal has the same length (the engine's IDs: "C" and 16 hex digits) a
    /// literal is found by multiplying, not through an array of starts; at 10,000,000 ads in row order that is one cache miss
    /// per ad instead of two (the copies took 0.9 s of the save's thread, 0.25-0.45 s so in a harness). The bytes are written
    /// into one array sized first, where a list of bytes took 0.5 s for 1,750,000 IDs.</remarks>
    private sealed class ClusterIdLiterals
    {
        private readonly byte[] _bytes;
        private readonly int[]? _starts;
        private readonly int _width;

        public ClusterIdLiterals(IReadOnlyList<Cluster> clusters)
        {
            var escaped = JavaScriptEncoder.Default;
            var lengths = new int[clusters.Count];
            // The escaped encodings of the IDs that need them (none of the engine's): encoded once, copied below.
            Dictionary<int, byte[]>? escapes = null;
            long total = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                var id = clusters[c].Id;
                if (IsPlainAscii(id))
                {
                    lengths[c] = id.Length + 2;
                }
                else
                {
                    // What the JSON writer wrote for every ID before: the default encoder's escapes.
                    escapes ??= [];
                    escapes[c] = JsonEncodedText.Encode(id, escaped).EncodedUtf8Bytes.ToArray();
                    lengths[c] = escapes[c].Length + 2;
                }

                total += lengths[c];
                MaxLength = Math.Max(MaxLength, lengths[c]);
            }

            _bytes = new byte[checked((int)total)];
            var uniform = clusters.Count > 0 && Array.TrueForAll(lengths, length => length == lengths[0]);
            if (uniform)
            {
                _width = lengths[0];
            }
            else
            {
                _starts = new int[clusters.Count + 1];
            }

            var at = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                _bytes[at] = (byte)'"';
                if (escapes is not null && escapes.TryGetValue(c, out var bytes))
                {
                    bytes.CopyTo(_bytes, at + 1);
                }
                else
                {
                    var id = clusters[c].Id;
                    for (var i = 0; i < id.Length; i++)
                    {
                        _bytes[at + 1 + i] = (byte)id[i];
                    }
                }

                at += lengths[c];
                _bytes[at - 1] = (byte)'"';
                if (_starts is not null)
                {
                    _starts[c + 1] = at;
                }
            }
        }

        /// <summary>The longest literal's length in bytes (quotes included).</summary>
        public int MaxLength { get; }

        /// <summary>Copies cluster <paramref name="cluster"/>'s literal to <paramref name="target"/>; returns its length.</summary>
        public int CopyTo(int cluster, Span<byte> target)
        {
            var literal = _starts is null
                ? new ReadOnlySpan<byte>(_bytes, cluster * _width, _width)
                : new ReadOnlySpan<byte>(_bytes, _starts[cluster], _starts[cluster + 1] - _starts[cluster]);
            literal.CopyTo(target);
            return literal.Length;
        }

        /// <summary>Printable ASCII with nothing JSON must escape (the IDs the engine makes: "C" and hex digits).</summary>
        private static bool IsPlainAscii(string id)
        {
            foreach (var ch in id)
            {
                if (ch < 0x20 || ch > 0x7E || ch == '"' || ch == '\\')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
