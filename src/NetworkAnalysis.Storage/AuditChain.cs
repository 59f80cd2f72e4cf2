using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NetworkAnalysis.Storage;

/// <summary>The audit chain's hashing rule, kept apart from storage so it can be checked by other tools.</summary>
/// <remarks>
/// hash = hex(SHA-256(UTF-8(previousHash + "\n" + canonical))) where canonical is the JSON array
/// <c>[sequence, at, actor, action, target, details]</c> written without whitespace. JSON makes the
/// encoding unambiguous whatever characters a field holds (no separator can be forged).
/// </remarks>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The canonical form of an entry's content (everything but the hashes).</summary>
    public static string Canonical(long sequence, string at, string actor, string action, string target, string? details)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartArray();
            w.WriteNumberValue(sequence);
            w.WriteStringValue(at);
            w.WriteStringValue(actor);
            w.WriteStringValue(action);
            w.WriteStringValue(target);
            if (details is null)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStringValue(details);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The hash of an entry given the hash before it.</summary>
    public static string Hash(string previousHash, long sequence, string at, string actor, string action, string target, string? details)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(sequence, at, actor, action, target, details));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Checks a sequence of entries in log order and reports the first broken link.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        var previous = Genesis;
        long count = 0;
        foreach (var e in entries)
        {
            count++;
            if (e.Sequence != count)
            {
                return Broken(count, e.Sequence, previous, e.Sequence > count
                    ? $"entry {count} is missing (the next entry is {e.Sequence}): entries were deleted"
                    : $"entry {e.Sequence} appears out of order");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(count, e.Sequence, previous,
                    $"entry {e.Sequence} does not follow entry {e.Sequence - 1}: its recorded previous hash {Short(e.PreviousHash)} differs from {Short(previous)} (an entry before it was removed, replaced or altered)");
            }

            var expected = Hash(e.PreviousHash, e.Sequence, e.At, e.Actor, e.Action, e.Target, e.Details);
            if (!string.Equals(e.Hash, expected, StringComparison.Ordinal))
            {
                return Broken(count, e.Sequence, previous,
                    $"entry {e.Sequence} was altered: its content hashes to {Short(expected)} but {Short(e.Hash)} is recorded");
            }

            previous = e.Hash;
        }

        return new AuditVerification(count, count == 0 ? null : previous, null, null);
    }

    private static AuditVerification Broken(long count, long sequence, string previous, string problem) =>
        new(count, previous == Genesis ? null : previous, Math.Min(count, sequence), problem);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
