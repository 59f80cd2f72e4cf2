using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Tests.Clustering;

/// <summary>Builds small incidences by hand: <c>new IncidenceBuilder().Ad("a", "phone:1", "email:x")</c>.</summary>
internal sealed class IncidenceBuilder
{
    private readonly List<string> _ads = [];
    private readonly List<(string Ad, string Entity)> _links = [];

    public IncidenceBuilder Ad(string key, params string[] entities)
    {
        _ads.Add(key);
        foreach (var e in entities)
        {
            _links.Add((key, e));
        }

        return this;
    }

    /// <summary>Adds <paramref name="count"/> ads <c>prefix00..</c> that all mention <paramref name="entities"/>.</summary>
    public IncidenceBuilder Ring(string prefix, int count, params string[] entities)
    {
        for (var i = 0; i < count; i++)
        {
            Ad(prefix + i.ToString("D2"), entities);
        }

        return this;
    }

    public AdEntityIncidence Build()
    {
        var ads = _ads.Distinct().Order(StringComparer.Ordinal).ToArray();
        var entities = _links.Select(l => l.Entity).Distinct().Order(StringComparer.Ordinal).ToArray();
        var adIndex = ads.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var entityIndex = entities.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var links = _links.Distinct().ToArray();
        return new AdEntityIncidence(
            ads,
            entities.Select(e => EntityTypeNames.TryParse(e.Split(':')[0], out var t) ? t : throw new ArgumentException(e)).ToArray(),
            entities.Select(e => e[(e.IndexOf(':') + 1)..]).ToArray(),
            links.Select(l => adIndex[l.Ad]).ToArray(),
            links.Select(l => entityIndex[l.Entity]).ToArray());
    }
}
