using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>
/// One set of ads (a component or a part of it) entered for a pass: each ad's local index, and for each linking identifier
/// (weight &gt; 0) how many of the set's ads mention it. The first pass both <see cref="CohesionAnalyzer"/> and
/// <see cref="ComponentSplitter"/> make over a component.
/// </summary>
/// <remarks>Buffers are sized to the whole graph once and reset by <see cref="Leave"/> in time linear in the set; not thread-safe.</remarks>
internal sealed class ComponentScope
{
    private readonly BipartiteGraph _graph;
    private readonly IReadOnlyList<double> _weight;
    private readonly int[] _adLocal;
    private readonly int[] _entityCount;
    private readonly List<int> _entities = [];

    public ComponentScope(BipartiteGraph graph, IReadOnlyList<double> weight)
    {
        _graph = graph;
        _weight = weight;
        _adLocal = new int[graph.AdCount];
        _entityCount = new int[graph.EntityCount];
        Array.Fill(_adLocal, -1);
    }

    /// <summary>The linking identifiers the entered ads mention, in order of first mention.</summary>
    public IReadOnlyList<int> Entities => _entities;

    /// <summary>The local index (position in the entered set) of ad <paramref name="ad"/>, or −1 when it is outside.</summary>
    public int LocalOf(int ad) => _adLocal[ad];

    /// <summary>How many of the entered ads mention entity <paramref name="entity"/> (0 for a non-linking one).</summary>
    public int CountOf(int entity) => _entityCount[entity];

    /// <summary>Enters the ads <paramref name="ads"/>: numbers them 0..n−1 and counts their linking identifiers.</summary>
    public void Enter(ReadOnlySpan<int> ads)
    {
        _entities.Clear();
        for (var i = 0; i < ads.Length; i++)
        {
            _adLocal[ads[i]] = i;
        }

        foreach (var ad in ads)
        {
            foreach (var e in _graph.EntitiesOf(ad))
            {
                if (_weight[e] > 0 && _entityCount[e]++ == 0)
                {
                    _entities.Add(e);
                }
            }
        }
    }

    /// <summary>Leaves the entered ads <paramref name="ads"/>, resetting what <see cref="Enter"/> set.</summary>
    public void Leave(ReadOnlySpan<int> ads)
    {
        foreach (var ad in ads)
        {
            _adLocal[ad] = -1;
        }

        foreach (var e in _entities)
        {
            _entityCount[e] = 0;
        }
    }
}
