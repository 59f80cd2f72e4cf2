using System.Security.Cryptography;
using System.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>Node identifiers used by every export, so the same ad or entity has the same ID in every format.</summary>
public static class ExportIds
{
    /// <summary>The node ID of an ad: <c>ad:</c> followed by its key.</summary>
    public static string Ad(string adKey) => "ad:" + adKey;

    /// <summary>The node ID of an entity: <c>entity:</c> followed by its ID.</summary>
    public static string Entity(string entityId) => "entity:" + entityId;

    /// <summary>The node ID of a cluster: <c>cluster:</c> followed by its ID.</summary>
    public static string Cluster(string clusterId) => "cluster:" + clusterId;

    /// <summary>A short stable hash ID (40 hex chars of SHA-256) for formats that prefer opaque IDs.</summary>
    public static string Hashed(string prefix, string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(prefix + "\u001f" + value), hash);
        return prefix + "-" + Convert.ToHexStringLower(hash[..20]);
    }
}
