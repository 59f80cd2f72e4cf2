namespace NetworkAnalysis.Core.Risk;

/// <summary>Collects evidence for one indicator, keeping at most a fixed number of distinct items.</summary>
internal sealed class EvidenceSink(int capacity)
{
    private readonly List<RiskEvidence> _items = [];
    private readonly HashSet<(string, int, int)> _seen = [];

    /// <summary>Evidence items offered (after de-duplication), including those over the cap.</summary>
    public int Total { get; private set; }

    /// <summary>Whether another item would be kept (so callers can skip formatting notes that would be dropped).</summary>
    public bool HasRoom => _items.Count < capacity;

    public void Add(string adKey, int start, int end, string note)
    {
        if (!_seen.Add((adKey, start, end)))
        {
            return;
        }

        Total++;
        if (_items.Count < capacity)
        {
            _items.Add(new RiskEvidence(adKey, start, end, note));
        }
    }

    public void Clear()
    {
        _items.Clear();
        _seen.Clear();
        Total = 0;
    }

    /// <summary>The kept items in ad-key then offset order.</summary>
    public RiskEvidence[] ToSortedArray()
    {
        var array = _items.ToArray();
        Array.Sort(array, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.AdKey, b.AdKey);
            return c != 0 ? c : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);
        });
        return array;
    }
}
