using System.Globalization;
using NetworkAnalysis.Core.Evaluation;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Benchmarks;

/// <summary>MinHash/LSH text templates: signing and banding speed at scale, and pair precision/recall against known templates.</summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- neardup templates [ads] [parallelism] [quality-ads] [min-jaccard] [shingle-words] [supported-jaccard] [min-support] [min-support-share] [min-containment] [min-size-ratio] [support-per-ad] [mutual-nearest] [idf-weighted]</c> (<c>-</c> keeps a default).
/// The masks (identifier spans) come from the extractor, run before the clock starts: ingest stores them already,
/// so signing does not pay for extraction again.
/// </remarks>
internal static class TemplateBenchmark
{
    public static int Run(string[] args)
    {
        var ads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var par = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var qualityAds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
        var options = new TemplateOptions
        {
            MinJaccard = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : new TemplateOptions().MinJaccard,
            ShingleWords = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : new TemplateOptions().ShingleWords,
            SupportedJaccard = args.Length > 5 && args[5] != "-" ? double.Parse(args[5], CultureInfo.InvariantCulture) : new TemplateOptions().SupportedJaccard,
            MinSupport = args.Length > 6 && args[6] != "-" ? int.Parse(args[6], CultureInfo.InvariantCulture) : new TemplateOptions().MinSupport,
            MinSupportShare = args.Length > 7 && args[7] != "-" ? double.Parse(args[7], CultureInfo.InvariantCulture) : new TemplateOptions().MinSupportShare,
            MinContainment = args.Length > 8 && args[8] != "-" ? double.Parse(args[8], CultureInfo.InvariantCulture) : new TemplateOptions().MinContainment,
            MinSizeRatio = args.Length > 9 && args[9] != "-" ? double.Parse(args[9], CultureInfo.InvariantCulture) : new TemplateOptions().MinSizeRatio,
            IdfWeighted = args.Length > 12 && args[12] != "-" ? bool.Parse(args[12]) : new TemplateOptions().IdfWeighted,
            MutualNearest = args.Length > 11 && args[11] != "-" ? bool.Parse(args[11]) : new TemplateOptions().MutualNearest,
            SupportPerAd = args.Length > 10 && args[10] != "-" ? bool.Parse(args[10]) : new TemplateOptions().SupportPerAd,
        };

        Quality(qualityAds, distinct: true, options);
        Quality(qualityAds, distinct: false, options);
        if (ads == 0)
        {
            return 0;
        }

        var (texts, masks, _) = Corpus(ads, seed: 7, distinct: true, par);
        Console.WriteLine($"scale: {ads:N0} generated ads (distinct templates, 5 % stock templates), masks from the extractor (not timed)");
        var detector = new TemplateDetector(options with { Parallelism = par });
        var (signed, signWall, signCpu) = NearDuplicateConsole.Timed(() => detector.Sign(texts, masks));
        var (candidates, bandWall, bandCpu) = NearDuplicateConsole.Timed(() => detector.Band(signed));
        var (pairs, verifyWall, verifyCpu) = NearDuplicateConsole.Timed(() => detector.Verify(signed, candidates));
        Console.WriteLine($"sign {signWall:F2} s (CPU {signCpu:F2}); band {bandWall:F2} s (CPU {bandCpu:F2}); sign + band {signWall + bandWall:F2} s wall, {signCpu + bandCpu:F2} s CPU; parallelism {par}");
        Console.WriteLine($"verify (exact {(options.IdfWeighted ? "IDF-weighted " : "")}Jaccard >= {options.MinJaccard}) {verifyWall:F2} s (CPU {verifyCpu:F2}); {candidates.Length:N0} candidates, {pairs.Count:N0} verified pairs; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    private static void Quality(int ads, bool distinct, TemplateOptions options)
    {
        var (texts, masks, templates) = Corpus(ads, seed: 11, distinct, 2);
        var detector = new TemplateDetector(options);
        var result = detector.Detect(texts, masks);
        var direct = NearDuplicatePairScores.Score(result.Pairs.Select(p => (p.A, p.B)), templates);
        var families = NearDuplicateFamilies.Build(texts.Count, result.Pairs, Enumerable.Range(0, texts.Count).ToArray(), int.MaxValue);
        var familyOf = Enumerable.Range(0, texts.Count).Select(i => "ad" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var f in families)
        {
            foreach (var a in f.Ads)
            {
                familyOf[a] = "f" + f.Id.ToString(CultureInfo.InvariantCulture);
            }
        }

        var closure = ClusteringEvaluator.Score(
            Enumerable.Range(0, texts.Count).ToDictionary(i => i.ToString(CultureInfo.InvariantCulture), i => familyOf[i]),
            Enumerable.Range(0, texts.Count).ToDictionary(i => i.ToString(CultureInfo.InvariantCulture), i => templates[i]));
        Console.WriteLine($"quality on {ads:N0} ads ({(distinct ? "distinct templates" : "default generator: small sentence pools")}, 5 % stock templates), {(options.IdfWeighted ? "IDF-weighted " : "")}J >= {options.MinJaccard}, {options.ShingleWords}-word shingles, supported J >= {options.SupportedJaccard?.ToString(CultureInfo.InvariantCulture) ?? "off"} ({(options.MutualNearest ? "mutual nearest" : $"support {options.MinSupport}{(options.SupportPerAd ? " per ad" : "")}, share {options.MinSupportShare}")}), containment >= {options.MinContainment?.ToString(CultureInfo.InvariantCulture) ?? "off"} (size ratio {options.MinSizeRatio}): " +
            $"pairs P {direct.Precision:F4} R {direct.Recall:F4} F1 {direct.F1:F4} ({direct.Correct:N0} of {direct.Predicted:N0} reported, {direct.Truth:N0} true); " +
            $"families (transitive) pairwise P {closure.PairwisePrecision:F4} R {closure.PairwiseRecall:F4}, B3 F1 {closure.BCubedF1:F4}; {families.Count:N0} families");
    }

    private static (List<string> Texts, IReadOnlyList<TextMask>[] Masks, List<string> Templates) Corpus(int ads, int seed, bool distinct, int par)
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed, DistinctTemplates = distinct, StockTemplateRate = 0.05 });
        var texts = corpus.Select(g => g.Ad.Text).ToList();
        var masks = new IReadOnlyList<TextMask>[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = par }, () => new EntityExtractor(), (i, _, extractor) =>
        {
            masks[i] = TextMask.FromMentions(extractor.Extract(texts[i], corpus[i].Ad.Country).Entities);
            return extractor;
        }, _ => { });
        return (texts, masks, corpus.Select(g => g.TemplateId!).ToList());
    }
}
