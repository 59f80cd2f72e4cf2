namespace NetworkAnalysis.Core.Graphs;

/// <summary>Weak links indexed by ad (both directions), as CSR arrays of link numbers.</summary>
internal sealed class WeakLinkIndex
{
    private readonly int[] _offsets;
    private readonly int[] _links;

    public WeakLinkIndex(int adCount, IReadOnlyList<WeakLink> links)
    {
        Links = links;
        _offsets = new int[adCount + 1];
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            if ((uint)l.AdA >= (uint)adCount || (uint)l.AdB >= (uint)adCount || l.AdA == l.AdB)
            {
                throw new ArgumentException($"weak link {i} ({l.AdA}, {l.AdB}) is a self-link or outside 0..{adCount - 1}", nameof(links));
            }

            if (!(l.Similarity is >= 0 and <= 1))
            {
                throw new ArgumentException($"weak link {i} has similarity {l.Similarity} outside [0,1]", nameof(links));
            }

            _offsets[l.AdA + 1]++;
            _offsets[l.AdB + 1]++;
        }

        for (var a = 0; a < adCount; a++)
        {
            _offsets[a + 1] += _offsets[a];
        }

        _links = new int[_offsets[adCount]];
        var cursor = (int[])_offsets.Clone();
        for (var i = 0; i < links.Count; i++)
        {
            _links[cursor[links[i].AdA]++] = i;
            _links[cursor[links[i].AdB]++] = i;
        }
    }

    public IReadOnlyList<WeakLink> Links { get; }

    /// <summary>Numbers (into <see cref="Links"/>) of the weak links touching <paramref name="ad"/>, ascending.</summary>
    public ReadOnlySpan<int> LinksOf(int ad) => _links.AsSpan(_offsets[ad], _offsets[ad + 1] - _offsets[ad]);

    /// <summary>The other end of link <paramref name="link"/> seen from <paramref name="ad"/>.</summary>
    public int Other(int link, int ad) => Links[link].AdA == ad ? Links[link].AdB : Links[link].AdA;
}
