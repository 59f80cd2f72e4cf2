using System.Text.RegularExpressions;
using NetworkAnalysis.Core.Generation;

namespace NetworkAnalysis.Core.Tests.Generation;

public sealed partial class CorpusGeneratorTests
{
    private static string Jsonl(IReadOnlyList<GeneratedAd> ads)
    {
        var w = new StringWriter();
        CorpusWriter.WriteJsonLines(ads, w);
        return w.ToString();
    }

    [Fact]
    public void Generate_SameSeed_ByteIdenticalOutput()
    {
        var options = new CorpusOptions { Ads = 2_000, Seed = 7 };

        Jsonl(CorpusGenerator.Generate(options)).ShouldBe(Jsonl(CorpusGenerator.Generate(options)));
        Jsonl(CorpusGenerator.Generate(options with { Seed = 8 })).ShouldNotBe(Jsonl(CorpusGenerator.Generate(options)));
    }

    [Fact]
    public void Generate_ProducesRequestedCountWithUniqueIdsAndBothGroupKinds()
    {
        var ads = CorpusGenerator.Generate(new CorpusOptions { Ads = 5_000 });

        ads.Count.ShouldBe(5_000);
        ads.Select(a => a.Ad.Id).Distinct().Count().ShouldBe(5_000);
        ads.Select(a => a.GroupKind).Distinct().Order().ShouldBe(["independent", "ring"]);
        ads.Where(a => a.GroupKind == "ring").Select(a => a.GroupId).Distinct().Count().ShouldBeGreaterThan(10);
    }

    [GeneratedRegex(@"(?<!\d)(\d{3})[^\d]{0,3}(\d{3})[^\d]{0,3}(\d{4})(?!\d)")]
    private static partial Regex PlainNanp();

    [Fact]
    public void Generate_UsesOnlyFictionalPhoneRangesAndExampleDomains()
    {
        var text = string.Join('\n', CorpusGenerator.Generate(new CorpusOptions { Ads = 5_000, ObfuscationRate = 0 }).Select(a => a.Ad.Text));

        var phones = PlainNanp().Matches(text).ToList();
        phones.Count.ShouldBeGreaterThan(1_000);
        foreach (Match m in phones)
        {
            var exchange = m.Groups[2].Value;
            var line = int.Parse(m.Groups[3].Value);
            exchange.ShouldBe("555", m.Value);
            line.ShouldBeInRange(100, 199, m.Value);
        }

        foreach (Match m in Regex.Matches(text, @"@([a-z0-9.\-]+\.[a-z]+)"))
        {
            Regex.IsMatch(m.Groups[1].Value, @"(^|\.)example\.(com|net|org)$").ShouldBeTrue(m.Value);
        }
    }
}
