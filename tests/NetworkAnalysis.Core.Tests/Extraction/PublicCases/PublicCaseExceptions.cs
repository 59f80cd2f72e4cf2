using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Extraction.PublicCases;

/// <summary><c>public-case-exceptions.txt</c>: the public cases where the extractor differs, each with why.</summary>
/// <remarks>
/// The list cannot change unnoticed: <see cref="Counts"/> pins how many entries each source has (an added or removed line
/// needs this table changed in the same commit), every entry must name a case that exists (checked by the test that runs
/// that source), and a listed case that starts to pass fails its test.
/// </remarks>
internal static class PublicCaseExceptions
{
    /// <summary>How many entries each source lists.</summary>
    public static IReadOnlyDictionary<string, int> Counts { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["isemail"] = 6,
        ["linkify"] = 27,
        ["twitter-cashtags"] = 3,
        ["twitter-urls"] = 2,
        ["libphonenumber"] = 2,
    };

    /// <summary>The file's path in the repository.</summary>
    public static string FilePath { get; } =
        Path.Combine(TestData.RepoRoot, "tests", "NetworkAnalysis.Core.Tests", "Extraction", "PublicCases", "public-case-exceptions.txt");

    /// <summary>The entries, "source id" → reason.</summary>
    /// <exception cref="InvalidDataException">A line is not "source | case | deliberate: or gap: reason", or repeats a case.</exception>
    public static Dictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(" | ", 3);
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !(parts[2].StartsWith("deliberate: ", StringComparison.Ordinal) || parts[2].StartsWith("gap: ", StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"public-case-exceptions.txt:{n}: expected \"source | case | deliberate: or gap: reason\", got [{line}]");
            }

            if (!map.TryAdd(parts[0] + " " + parts[1], parts[2]))
            {
                throw new InvalidDataException($"public-case-exceptions.txt:{n}: {parts[0]} {parts[1]} is listed twice");
            }
        }

        return map;
    }

    /// <summary>Fails when an entry of <paramref name="source"/> names none of <paramref name="caseIds"/>.</summary>
    public static void ShouldAllMatch(string source, IEnumerable<string> caseIds)
    {
        var ids = caseIds.Select(id => source + " " + id).ToHashSet(StringComparer.Ordinal);
        var orphans = Load().Keys.Where(k => k.StartsWith(source + " ", StringComparison.Ordinal) && !ids.Contains(k)).ToList();
        orphans.ShouldBeEmpty($"public-case-exceptions.txt lists cases that do not exist: {string.Join(", ", orphans)}");
    }
}
