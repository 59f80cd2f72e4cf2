using System.Text;
using NetworkAnalysis.Core.Generation;

namespace NetworkAnalysis.Reliability.Tests.Infrastructure;

/// <summary>Writes generated corpora (fictional identifiers only) for tests.</summary>
internal static class TestCorpus
{
    public static string Write(string folder, int ads, int seed, string name = "ads.jsonl")
    {
        var path = Path.Combine(folder, name);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed }), w);
        return path;
    }
}
