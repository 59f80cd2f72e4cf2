using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Extraction.Corpus;

/// <summary>The real-world forms corpus of issue #17 (real-forms.txt): P/R/F1 per type, printed, with floors.</summary>
public sealed class RealFormsCorpusTests(ITestOutputHelper output)
{
    public static IReadOnlyList<CorpusCase> Load(string file = "real-forms.txt")
    {
        var path = Path.Combine(TestData.RepoRoot, "tests", "NetworkAnalysis.Core.Tests", "Extraction", "Corpus", file);
        var cases = new List<CorpusCase>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (CorpusCase.Parse(line, $"{file}:{n}") is { } c)
            {
                cases.Add(c);
            }
        }

        return cases;
    }

    [Fact]
    public void Extract_RealFormsCorpus_MeetsPerTypeFloors()
    {
        // Given the real-world forms corpus
        var cases = Load();

        // When every ad is extracted and scored
        var score = ExtractionScore.Of(cases);

        output.WriteLine($"{cases.Count} ads, {cases.Sum(c => c.Gold.Count)} gold mentions, {cases.Count(c => c.IsNegative)} negatives");
        output.WriteLine(score.Table());
        var (handleTp, handleFp, handleFn) = (Handles.Sum(score.Tp), Handles.Sum(score.Fp), Handles.Sum(score.Fn));
        var handleF1 = 2.0 * handleTp / ((2.0 * handleTp) + handleFp + handleFn);
        output.WriteLine($"handles (all social types): TP {handleTp} FP {handleFp} FN {handleFn} F1 {handleF1:0.000}");
        foreach (var e in score.Errors)
        {
            output.WriteLine(e);
        }

        // Then phones reach the F1 0.98, e-mails 0.95, handles together 0.97, every other type 0.95, and no negative
        // yields anything (floors from issue #17; the measured figures are in docs/extraction.md)
        var errors = string.Join('\n', score.Errors);
        cases.Count.ShouldBeGreaterThanOrEqualTo(300);
        score.NegativeFalsePositives.ShouldBe(0, errors);
        score.F1(EntityType.Phone).ShouldBeGreaterThanOrEqualTo(0.98, $"phone\n{score.Table()}\n{errors}");
        score.F1(EntityType.Email).ShouldBeGreaterThanOrEqualTo(0.95, $"email\n{score.Table()}\n{errors}");
        handleF1.ShouldBeGreaterThanOrEqualTo(0.97, $"handles\n{score.Table()}\n{errors}");
        foreach (var t in score.Types)
        {
            score.F1(t).ShouldBeGreaterThanOrEqualTo(0.95, $"{t.ToName()}\n{score.Table()}\n{errors}");
        }
    }

    [Fact]
    public void Extract_PublicForms_MatchTheMeasuredFigures()
    {
        // Given the forms described by public anti-harvesting pages (public-forms.txt, each source cited there)
        var cases = Load("public-forms.txt");

        // When every case is extracted and scored
        var score = ExtractionScore.Of(cases);

        output.WriteLine($"{cases.Count} cases, {cases.Sum(c => c.Gold.Count)} gold mentions, {cases.Count(c => c.IsNegative)} negatives");
        output.WriteLine(score.Table());
        foreach (var e in score.Errors)
        {
            output.WriteLine(e);
        }

        // Then nothing is invented, and only the forms listed as "not read" in the file are missed: the reversed domain
        // (found as the reversed address), the reversed address, the Cyrillic look-alikes and "you at ..."
        score.NegativeFalsePositives.ShouldBe(0, string.Join('\n', score.Errors));
        score.Fn(EntityType.Email).ShouldBeLessThanOrEqualTo(4, string.Join('\n', score.Errors));
        score.Fp(EntityType.Email).ShouldBeLessThanOrEqualTo(1, string.Join('\n', score.Errors));
    }

    private static readonly EntityType[] Handles =
    [
        EntityType.Snapchat, EntityType.Instagram, EntityType.Telegram, EntityType.Whatsapp, EntityType.Kik, EntityType.Twitter,
        EntityType.Onlyfans, EntityType.Wechat, EntityType.Line,
    ];
}
