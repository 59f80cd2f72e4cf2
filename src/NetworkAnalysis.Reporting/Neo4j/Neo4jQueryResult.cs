using System.Text.Json;

namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>The outcome of one Query API request.</summary>
/// <param name="Success">Whether the statement ran.</param>
/// <param name="Attempts">How many HTTP attempts were made.</param>
/// <param name="Error">The server's error code and message, or the transport error, when it failed.</param>
/// <param name="Data">The response's <c>data</c> object (fields and values) when it succeeded.</param>
public sealed record Neo4jQueryResult(bool Success, int Attempts, string? Error, JsonElement? Data)
{
    /// <summary>The first value of the first row as a 64-bit integer, for <c>RETURN count(…)</c> queries.</summary>
    public long? FirstLong()
    {
        if (Data is not { } d || !d.TryGetProperty("values", out var values) || values.GetArrayLength() == 0)
        {
            return null;
        }

        var row = values[0];
        return row.GetArrayLength() > 0 && row[0].TryGetInt64(out var n) ? n : null;
    }
}
