namespace NetworkAnalysis.Core.Tests.Clustering.Leiden;

/// <summary>Normalised mutual information (arithmetic-mean normalisation, as igraph's compare_communities "nmi").</summary>
internal static class Nmi
{
    public static double Compute(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = (double)a.Count;
        var joint = new Dictionary<(string, string), int>();
        var ca = new Dictionary<string, int>();
        var cb = new Dictionary<string, int>();
        for (var i = 0; i < a.Count; i++)
        {
            joint[(a[i], b[i])] = joint.GetValueOrDefault((a[i], b[i])) + 1;
            ca[a[i]] = ca.GetValueOrDefault(a[i]) + 1;
            cb[b[i]] = cb.GetValueOrDefault(b[i]) + 1;
        }

        static double H(Dictionary<string, int> counts, double n) => -counts.Values.Sum(c => c / n * Math.Log(c / n));
        var mi = joint.Sum(kv => kv.Value / n * Math.Log(kv.Value * n / (ca[kv.Key.Item1] * (double)cb[kv.Key.Item2])));
        var ha = H(ca, n);
        var hb = H(cb, n);
        return ha + hb == 0 ? 1 : 2 * mi / (ha + hb);
    }
}
