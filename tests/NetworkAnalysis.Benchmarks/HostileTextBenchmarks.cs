using System.Text;
using BenchmarkDotNet.Attributes;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Benchmarks;

/// <summary>
/// Extraction time (all extractors) on hostile bracket text at 128 K and 1 M characters: the large size should take about
/// 8x the small one's time. The unit test <c>UrlExtractorTests.Extract_HostileBrackets_CostGrowsLinearly</c> checks the
/// URL scanner by counting the characters it reads; this is where wall time is measured.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*HostileText*'</c>.</remarks>
[MemoryDiagnoser]
public class HostileTextBenchmarks
{
    private readonly EntityExtractor _extractor = new();
    private string _text = "";

    /// <summary>The hostile pattern: a prefix, then a piece repeated.</summary>
    [Params("http://a.example.com/|(", "|x.example.com/(", "|http://x.example.com/a_\"", "http://a.example.com/|([{", "|a.б.", "|http://a.example.com/a's")]
    public string Pattern { get; set; } = "";

    /// <summary>Characters of text.</summary>
    [Params(128 * 1024, 1024 * 1024)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (prefix, piece) = (Pattern[..Pattern.IndexOf('|', StringComparison.Ordinal)], Pattern[(Pattern.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        var sb = new StringBuilder(prefix, Length + prefix.Length + piece.Length);
        while (sb.Length < Length + prefix.Length)
        {
            sb.Append(piece);
        }

        _text = sb.ToString(0, Length + prefix.Length);
    }

    /// <summary>Extracts the whole text once.</summary>
    [Benchmark]
    public int Extract() => _extractor.Extract(_text, "US").Entities.Count;
}
