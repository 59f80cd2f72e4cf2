using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

public sealed class NumberingPlanTableTests
{
    [SkippableFact]
    public void Table_ComparedWithLibphonenumberMetadata_MatchesCommittedFile()
    {
        // Given the upstream metadata and the committed derived table
        var xml = TestData.Shared("libphonenumber-metadata/PhoneNumberMetadata.xml");
        var committedPath = Path.Combine(TestData.RepoRoot, NumberingPlanTableGenerator.RelativeTablePath);

        // When the table is derived again
        var generated = NumberingPlanTableGenerator.Generate(xml);
        if (Environment.GetEnvironmentVariable("NETAN_REGENERATE_NUMBERING_PLAN") == "1")
        {
            File.WriteAllText(committedPath, generated);
        }

        // Then it is byte-identical to the committed one
        File.ReadAllText(committedPath).ShouldBe(generated);
    }
}
