using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Tests.Extraction.Corpus;

/// <summary>Per-type true/false positive and false negative counts.</summary>
public sealed class ExtractionScore
{
    private readonly Dictionary<EntityType, int[]> _counts = new();

    public List<string> Errors { get; } = new();

    public int NegativeFalsePositives { get; private set; }

    public int Tp(EntityType t) => Get(t)[0];

    public int Fp(EntityType t) => Get(t)[1];

    public int Fn(EntityType t) => Get(t)[2];

    public IEnumerable<EntityType> Types => _counts.Keys.OrderBy(t => t);

    public double Precision(EntityType t) => Tp(t) + Fp(t) == 0 ? 1 : (double)Tp(t) / (Tp(t) + Fp(t));

    public double Recall(EntityType t) => Tp(t) + Fn(t) == 0 ? 1 : (double)Tp(t) / (Tp(t) + Fn(t));

    public double F1(EntityType t)
    {
        var p = Precision(t);
        var r = Recall(t);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Every case extracted by the default extractor (with its country) and scored.</summary>
    public static ExtractionScore Of(IEnumerable<CorpusCase> cases)
    {
        var extractor = new EntityExtractor();
        var score = new ExtractionScore();
        foreach (var c in cases)
        {
            score.Add(c, extractor.Extract(c.Text, c.Country).Entities);
        }

        return score;
    }

    /// <summary>Scores one case: a prediction matches an unmatched gold entity of the same type and value with an overlapping span.</summary>
    public void Add(CorpusCase c, IReadOnlyList<Mention> predicted)
    {
        var matched = new bool[c.Gold.Count];
        foreach (var m in predicted)
        {
            var hit = -1;
            for (var g = 0; g < c.Gold.Count; g++)
            {
                var gold = c.Gold[g];
                if (!matched[g] && gold.Type == m.Type && gold.Value == m.Value && gold.Start < m.End && m.Start < gold.End)
                {
                    hit = g;
                    break;
                }
            }

            if (hit >= 0)
            {
                matched[hit] = true;
                Get(m.Type)[0]++;
            }
            else
            {
                Get(m.Type)[1]++;
                Errors.Add($"FP {m.Type.ToName()} {m.Value} [{m.Raw}] in {c.Source}: {c.Text}");
                if (c.IsNegative)
                {
                    NegativeFalsePositives++;
                }
            }
        }

        for (var g = 0; g < c.Gold.Count; g++)
        {
            if (!matched[g])
            {
                Get(c.Gold[g].Type)[2]++;
                Errors.Add($"FN {c.Gold[g].Type.ToName()} {c.Gold[g].Value} in {c.Source}: {c.Text}");
            }
        }
    }

    public string Table()
    {
        var lines = new List<string> { "| type | gold | TP | FP | FN | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|---:|" };
        foreach (var t in Types)
        {
            lines.Add($"| {t.ToName()} | {Tp(t) + Fn(t)} | {Tp(t)} | {Fp(t)} | {Fn(t)} | {Precision(t):0.000} | {Recall(t):0.000} | {F1(t):0.000} |");
        }

        return string.Join('\n', lines);
    }

    private int[] Get(EntityType t)
    {
        if (!_counts.TryGetValue(t, out var counts))
        {
            counts = new int[3];
            _counts[t] = counts;
        }

        return counts;
    }
}
