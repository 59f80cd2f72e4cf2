using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>One identifier behind several personas (distinct names, stated ages, ethnicity words).</summary>
/// <remarks>Used for both "one contact, many personas" (contacts) and "one photo, several personas" (images).</remarks>
internal sealed class PersonasSignal(IndicatorDefinition definition, int ethnicityList, bool images) : IRiskSignal
{
    private readonly double _saturation = definition.Parameter("saturation", images ? 3 : 4);

    public SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence)
    {
        (RiskEntityRef Entity, int[] Ads)? best = null;
        (int Names, int Ages, int Eth) bestCounts = default;
        var bestN = 1;
        Personas? personas = null;
        foreach (var group in view.ByIdentifier)
        {
            if (group.Ads.Length < 2 || (images ? group.Entity.Type != EntityType.Image : !AdFacts.IsContact(group.Entity.Type)))
            {
                continue;
            }

            // Names, ages and ethnicity words are numbered once per cluster; each group then counts distinct numbers.
            personas ??= Personas.For(view, ethnicityList);
            var counts = personas.Distinct(group.Ads);
            var n = Math.Max(counts.Names, Math.Max(counts.Ages, counts.Eth));
            if (n > bestN)
            {
                (best, bestN, bestCounts) = (group, n, counts);
            }
        }

        if (best is not { } b)
        {
            return SignalOutcome.None;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in b.Ads)
        {
            var ad = view.Ads[i];
            foreach (var (name, start, end) in ad.Names)
            {
                if (seen.Add("n:" + name))
                {
                    evidence.Add(ad.Key, start, end, "name");
                }
            }

            foreach (var (age, start, end) in ad.Ages)
            {
                if (seen.Add("a:" + age))
                {
                    evidence.Add(ad.Key, start, end, end > start ? "stated age" : $"stated age {age} (listing field)");
                }
            }

            foreach (var hit in ad.Hits)
            {
                if (hit.List == ethnicityList && seen.Add("e:" + ad.Ad.Text[hit.Start..hit.End]))
                {
                    evidence.Add(ad.Key, hit.Start, hit.End, "ethnicity word");
                }
            }
        }

        var noun = images ? "one photo" : "one " + b.Entity.Type.ToName();
        var summary = $"{noun} appears in {b.Ads.Length} ads with {bestCounts.Names} names, {bestCounts.Ages} stated ages"
            + (images ? "" : $" and {bestCounts.Eth} ethnicity words");
        return new SignalOutcome(Ramp.Count(bestN, _saturation), summary, [b.Entity]);
    }

    /// <summary>The personas of a cluster's ads as small integers: names and ethnicity words case-insensitively, ages as stated.</summary>
    /// <remarks>Buffers are per thread and reused from cluster to cluster (the signal itself is shared by threads).</remarks>
    private sealed class Personas
    {
        [ThreadStatic]
        private static Personas? s_cached;

        private readonly Dictionary<string, int> _names = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<int, int> _ages = [];
        private readonly Dictionary<string, int> _eth = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<int> _kinds = []; // 0 name, 1 age, 2 ethnicity word, per ID in _flat
        private readonly List<int> _flat = [];
        private int[] _start = new int[16];
        private int[] _stamp = new int[16];
        private int _round;

        private Personas()
        {
        }

        public static Personas For(ClusterView view, int ethnicityList)
        {
            var p = s_cached ??= new Personas();
            p.Load(view, ethnicityList);
            return p;
        }

        private void Load(ClusterView view, int ethnicityList)
        {
            _names.Clear();
            _ages.Clear();
            _eth.Clear();
            _kinds.Clear();
            _flat.Clear();
            var ethLookup = _eth.GetAlternateLookup<ReadOnlySpan<char>>();
            if (_start.Length < view.Ads.Length + 1)
            {
                _start = new int[Math.Max(view.Ads.Length + 1, 2 * _start.Length)];
            }

            for (var i = 0; i < view.Ads.Length; i++)
            {
                var ad = view.Ads[i];
                _start[i] = _flat.Count;
                foreach (var n in ad.Names)
                {
                    if (!_names.TryGetValue(n.Name, out var id))
                    {
                        _names[n.Name] = id = _kinds.Count;
                        _kinds.Add(0);
                    }

                    _flat.Add(id);
                }

                foreach (var a in ad.Ages)
                {
                    if (!_ages.TryGetValue(a.Age, out var id))
                    {
                        _ages[a.Age] = id = _kinds.Count;
                        _kinds.Add(1);
                    }

                    _flat.Add(id);
                }

                if (ethnicityList < 0)
                {
                    continue;
                }

                foreach (var hit in ad.Hits)
                {
                    if (hit.List != ethnicityList)
                    {
                        continue;
                    }

                    var word = ad.Ad.Text.AsSpan(hit.Start, hit.End - hit.Start);
                    if (!ethLookup.TryGetValue(word, out var id))
                    {
                        id = _kinds.Count;
                        ethLookup[word] = id;
                        _kinds.Add(2);
                    }

                    _flat.Add(id);
                }
            }

            _start[view.Ads.Length] = _flat.Count;
            if (_stamp.Length < _kinds.Count)
            {
                _stamp = new int[Math.Max(_kinds.Count, 2 * _stamp.Length)];
                _round = 0;
            }
        }

        public (int Names, int Ages, int Eth) Distinct(int[] ads)
        {
            if (++_round == int.MaxValue)
            {
                Array.Clear(_stamp);
                _round = 1;
            }

            int names = 0, ages = 0, eth = 0;
            foreach (var i in ads)
            {
                for (var k = _start[i]; k < _start[i + 1]; k++)
                {
                    var id = _flat[k];
                    if (_stamp[id] == _round)
                    {
                        continue;
                    }

                    _stamp[id] = _round;
                    switch (_kinds[id])
                    {
                        case 0:
                            names++;
                            break;
                        case 1:
                            ages++;
                            break;
                        default:
                            eth++;
                            break;
                    }
                }
            }

            return (names, ages, eth);
        }
    }
}
