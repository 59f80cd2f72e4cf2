using System.Security.Cryptography;
using System.Text;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Derives stable cluster IDs from cluster members.</summary>
/// <remarks>
/// The ID is "C" + 16 hex digits (64 bits of SHA-256, so even 10 million clusters are unlikely to collide) of the member with the smallest ad key (ordinal order), so the same data gives the
/// same ID in every run, whatever order ads were ingested in; a cluster that grows keeps its ID while its
/// smallest member stays.
/// </remarks>
public static class ClusterIds
{
    /// <summary>The ID for a cluster whose ordinally smallest member key is <paramref name="anchorAdKey"/>.</summary>
    public static string FromAnchor(string anchorAdKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(anchorAdKey), hash);
        return "C" + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>The ID for a cluster with the given member keys.</summary>
    public static string FromMembers(IEnumerable<string> memberKeys)
    {
        string? min = null;
        foreach (var key in memberKeys)
        {
            if (min is null || string.CompareOrdinal(key, min) < 0)
            {
                min = key;
            }
        }

        return FromAnchor(min ?? throw new ArgumentException("a cluster needs at least one member", nameof(memberKeys)));
    }
}
