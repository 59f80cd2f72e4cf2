using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Graphs;

/// <summary>The bipartite ad–entity incidence as flat arrays: the input every graph and clustering stage reads.</summary>
/// <remarks>
/// Ads and entities are dense ints (0..n-1) in the order of their keys, so iteration is deterministic.
/// Each (ad, entity) pair appears at most once in <see cref="LinkAds"/>/<see cref="LinkEntities"/>.
/// Memory: two ints per link plus the key strings.
/// </remarks>
public sealed class AdEntityIncidence
{
    /// <summary>Creates an incidence; arrays are taken as they are (not copied).</summary>
    public AdEntityIncidence(string[] adKeys, EntityType[] entityTypes, string[] entityValues, int[] linkAds, int[] linkEntities)
    {
        ArgumentNullException.ThrowIfNull(adKeys);
        ArgumentNullException.ThrowIfNull(entityTypes);
        ArgumentNullException.ThrowIfNull(entityValues);
        ArgumentNullException.ThrowIfNull(linkAds);
        ArgumentNullException.ThrowIfNull(linkEntities);
        if (entityTypes.Length != entityValues.Length)
        {
            throw new ArgumentException("entityTypes and entityValues differ in length", nameof(entityValues));
        }

        if (linkAds.Length != linkEntities.Length)
        {
            throw new ArgumentException("linkAds and linkEntities differ in length", nameof(linkEntities));
        }

        AdKeys = adKeys;
        EntityTypes = entityTypes;
        EntityValues = entityValues;
        LinkAds = linkAds;
        LinkEntities = linkEntities;
    }

    /// <summary>Ad keys (<c>site/id</c>) by dense ad index.</summary>
    public string[] AdKeys { get; }

    /// <summary>Entity types by dense entity index.</summary>
    public EntityType[] EntityTypes { get; }

    /// <summary>Canonical entity values by dense entity index.</summary>
    public string[] EntityValues { get; }

    /// <summary>Ad index of each link.</summary>
    public int[] LinkAds { get; }

    /// <summary>Entity index of each link.</summary>
    public int[] LinkEntities { get; }

    /// <summary>Number of ads.</summary>
    public int AdCount => AdKeys.Length;

    /// <summary>Number of entities.</summary>
    public int EntityCount => EntityTypes.Length;

    /// <summary>Number of links.</summary>
    public int LinkCount => LinkAds.Length;
}
