using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkAnalysis.Testing;

/// <summary>
/// Hashes what a query returns, so two stores built differently can be compared part by part. Each value is written in
/// the invariant culture (doubles round-trip), followed by U+001F; each row ends with U+001E. Recorded fingerprints depend
/// on this encoding: change it and every recorded hash changes.
/// </summary>
public static class QueryHash
{
    /// <summary>Runs <paramref name="sql"/> and returns how many rows it gave and the SHA-256 (lower-case hex) of their values in order.</summary>
    public static (long Rows, string Hash) Of(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        var line = new StringBuilder();
        while (reader.Read())
        {
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                line.Append(value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture));
                line.Append('\u001f');
            }

            line.Append('\u001e');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
            rows++;
        }

        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
