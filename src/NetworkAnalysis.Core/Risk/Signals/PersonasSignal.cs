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
            personas ??= new Personas(view, ethnicityList);
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
    private sealed class Personas
    {
        private readonly int[][] _ids;
        private readonly int[] _stamp;
        private int _round;

        public Personas(ClusterView view, int ethnicityList)
        {
            // Three disjoint ID ranges share one stamp array: names, ages and ethnicity words.
            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var ages = new Dictionary<int, int>();
            var eth = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var ethLookup = eth.GetAlternateLookup<ReadOnlySpan<char>>();
            var raw = new List<(int Kind, int Id)>[view.Ads.Length];
            for (var i = 0; i < view.Ads.Length; i++)
            {
                var ad = view.Ads[i];
                var list = raw[i] = [];
                foreach (var n in ad.Names)
                {
                    if (!names.TryGetValue(n.Name, out var id))
                    {
                        names[n.Name] = id = names.Count;
                    }

                    list.Add((0, id));
                }

                foreach (var a in ad.Ages)
                {
                    if (!ages.TryGetValue(a.Age, out var id))
                    {
                        ages[a.Age] = id = ages.Count;
                    }

                    list.Add((1, id));
                }

                if (ethnicityList >= 0)
                {
                    foreach (var hit in ad.Hits)
                    {
                        if (hit.List != ethnicityList)
                        {
                            continue;
                        }

                        var word = ad.Ad.Text.AsSpan(hit.Start, hit.End - hit.Start);
                        if (!ethLookup.TryGetValue(word, out var id))
                        {
                            id = eth.Count;
                            ethLookup[word] = id;
                        }

                        list.Add((2, id));
                    }
                }
            }

            int ageBase = names.Count, ethBase = names.Count + ages.Count;
            _ids = new int[raw.Length][];
            for (var i = 0; i < raw.Length; i++)
            {
                _ids[i] = raw[i].Select(x => x.Kind == 0 ? x.Id : x.Kind == 1 ? ageBase + x.Id : ethBase + x.Id).ToArray();
            }

            AgeBase = ageBase;
            EthBase = ethBase;
            _stamp = new int[ethBase + eth.Count];
        }

        private int AgeBase { get; }

        private int EthBase { get; }

        public (int Names, int Ages, int Eth) Distinct(int[] ads)
        {
            _round++;
            int names = 0, ages = 0, eth = 0;
            foreach (var i in ads)
            {
                foreach (var id in _ids[i])
                {
                    if (_stamp[id] == _round)
                    {
                        continue;
                    }

                    _stamp[id] = _round;
                    if (id < AgeBase)
                    {
                        names++;
                    }
                    else if (id < EthBase)
                    {
                        ages++;
                    }
                    else
                    {
                        eth++;
                    }
                }
            }

            return (names, ages, eth);
        }
    }
}
