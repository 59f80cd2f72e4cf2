using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Core.Tests.Risk;

public sealed class IndicatorSetTests
{
    [Fact]
    public void Default_EmbeddedFile_LoadsWithSourcesWeightsAndCaveat()
    {
        // Given the embedded default file
        // When it is loaded
        var set = IndicatorSet.Default;

        // Then every indicator cites a source, has a known kind, and the caveat says it is no verdict
        set.Indicators.Count.ShouldBeGreaterThanOrEqualTo(12);
        set.Indicators.ShouldAllBe(i => i.Source.Length > 10 && i.Weight >= 0 && IndicatorKinds.All.Contains(i.Kind));
        set.Caveat.ShouldContain("not a verdict");
        set.Indicators.Select(i => i.Id).ShouldBeUnique();
    }

    [Fact]
    public void Default_Sha256_IsTheHashOfTheFileBytes()
    {
        // Given the default file's bytes
        var bytes = IndicatorSet.DefaultFileBytes();

        // When hashed independently
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        // Then the set records that hash
        IndicatorSet.Default.Sha256.ShouldBe(expected);
    }

    [Fact]
    public void Default_RepositoryCopy_MatchesEmbeddedFile()
    {
        // Given the user-editable copy in data/
        var path = Path.Combine(NetworkAnalysis.Testing.TestData.RepoRoot, "data", "indicators.yaml");

        // When compared with the embedded default
        // Then they are the same bytes, so editing starts from the real defaults
        File.ReadAllBytes(path).ShouldBe(IndicatorSet.DefaultFileBytes());
    }

    [Fact]
    public void Load_EditedWeight_ChangesHashAndWeight()
    {
        // Given the default file with one weight changed
        var text = Encoding.UTF8.GetString(IndicatorSet.DefaultFileBytes()).Replace("weight: 16", "weight: 3", StringComparison.Ordinal);

        // When loaded
        var result = IndicatorSet.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        // Then it succeeds with the new weight and a different hash
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Set!.Indicators.Single(i => i.Id == "personas_per_contact").Weight.ShouldBe(3);
        result.Set.Sha256.ShouldNotBe(IndicatorSet.Default.Sha256);
    }

    [Theory]
    [InlineData("version: 1\ncaveat: x\nindicators:\n  - id: a\n    kind: nonsense\n    source: our own\n    weight: 1\n", "unknown kind")]
    [InlineData("version: 1\nindicators:\n  - id: a\n    kind: velocity\n    source: our own\n    weight: 1\n", "caveat")]
    [InlineData("version: 1\ncaveat: x\nindicators:\n  - id: a\n    kind: velocity\n    weight: 1\n", "source")]
    [InlineData("version: 1\ncaveat: x\nindicators:\n  - id: a\n    kind: velocity\n    source: s\n    weight: -1\n", "weight")]
    [InlineData("version: 1\ncaveat: x\nindicators:\n  - id: a\n    kind: phrases\n    source: s\n    weight: 1\n", "words")]
    [InlineData("version: 2\ncaveat: x\nindicators:\n  - id: a\n    kind: velocity\n    source: s\n    weight: 1\n", "version")]
    [InlineData("indicators: [unclosed", "YAML")]
    [InlineData("", "empty")]
    public void Load_InvalidFile_ReturnsErrorNotException(string yaml, string expected)
    {
        // Given an invalid indicator file
        // When loaded
        var result = IndicatorSet.Load(new MemoryStream(Encoding.UTF8.GetBytes(yaml)));

        // Then the problem comes back as a value
        result.IsSuccess.ShouldBeFalse();
        string.Join("; ", result.Errors).ShouldContain(expected, Case.Insensitive);
    }

    [Fact]
    public void Without_Indicator_ZeroesOnlyThatWeight()
    {
        // Given the default set
        var set = IndicatorSet.Default;

        // When one indicator is removed
        var ablated = set.Without("movement");

        // Then only its weight is 0 and the version marks the ablation
        ablated.Indicators.Single(i => i.Id == "movement").Weight.ShouldBe(0);
        ablated.Indicators.Where(i => i.Id != "movement").Select(i => i.Weight).ShouldBe(set.Indicators.Where(i => i.Id != "movement").Select(i => i.Weight));
        ablated.Sha256.ShouldStartWith(set.Sha256);
        ablated.Sha256.ShouldNotBe(set.Sha256);
    }
}
