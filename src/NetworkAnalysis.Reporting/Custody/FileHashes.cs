using System.Security.Cryptography;

namespace NetworkAnalysis.Reporting.Custody;

/// <summary>SHA-256 of files, streamed.</summary>
public static class FileHashes
{
    /// <summary>Lowercase hex SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
