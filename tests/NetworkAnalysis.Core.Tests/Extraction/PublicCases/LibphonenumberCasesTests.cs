using System.Text.Json;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Extraction.PublicCases;

/// <summary>Google libphonenumber's PhoneNumberMatcherTest cases, run through the extractor.</summary>
/// <remarks>
/// Upstream runs these against test metadata; only regions whose cases hold under real metadata are asserted
/// (US, GB, NZ, IT, as the data README says). Deliberate differences: digits glued to letters on one side ("call7025550143") are
/// accepted because posters write them that way, and VALID-but-not-grouped leniency cases are not required.
/// </remarks>
public sealed class LibphonenumberCasesTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> AuthoritativeRegions = ["US", "GB", "NZ", "IT"];
    private readonly EntityExtractor _extractor = new();

    private static JsonDocument Load() =>
        JsonDocument.Parse(File.ReadAllText(TestData.Shared("libphonenumber-matcher/PhoneNumberMatcherTest_cases.json")));

    private List<Mention> Phones(string text, string? region) =>
        _extractor.Extract(text, region).Entities.Where(m => m.Type == EntityType.Phone).ToList();

    [SkippableFact]
    public void Extract_ImpossibleCases_FindsNothing()
    {
        // Given the strings libphonenumber never matches (dates, times, short numbers)
        using var doc = Load();
        foreach (var c in doc.RootElement.GetProperty("leniency_cases").GetProperty("IMPOSSIBLE_CASES").EnumerateArray())
        {
            // When extracted
            var raw = c.GetProperty("raw").GetString()!;
            var found = Phones(raw, c.GetProperty("region").GetString());

            // Then no phone is reported
            found.ShouldBeEmpty(raw);
        }
    }

    [SkippableFact]
    public void Extract_GroupedCasesOfAuthoritativeRegions_FindsWholeNumber()
    {
        // Given the STRICT_GROUPING and EXACT_GROUPING cases of regions with real-metadata ranges
        using var doc = Load();
        var levels = doc.RootElement.GetProperty("leniency_cases");
        var cases = levels.GetProperty("STRICT_GROUPING_CASES").EnumerateArray().Concat(levels.GetProperty("EXACT_GROUPING_CASES").EnumerateArray())
            .Select(c => (Raw: c.GetProperty("raw").GetString()!, Region: c.GetProperty("region").GetString()!))
            .Where(c => AuthoritativeRegions.Contains(c.Region))
            .ToList();
        cases.Count.ShouldBeGreaterThan(10);

        foreach (var (raw, region) in cases)
        {
            // When extracted
            var found = Phones(raw, region);

            // Then one phone starts where the number starts
            found.ShouldNotBeEmpty($"{raw} ({region})");
            found[0].Start.ShouldBe(0, raw);
        }
    }

    [SkippableFact]
    public void Extract_FindInContextCases_MeasuredRecallHolds()
    {
        // Given numbers in every context libphonenumber lists
        using var doc = Load();
        var contexts = doc.RootElement.GetProperty("find_in_context_harness").GetProperty("possible_contexts").EnumerateArray()
            .Select(p => (Prefix: p[0].GetString()!, Suffix: p[1].GetString()!)).ToList();
        int total = 0, found = 0;
        foreach (var c in doc.RootElement.GetProperty("find_in_context").EnumerateArray())
        {
            var raw = c.GetProperty("raw").GetString()!;
            var region = c.GetProperty("region").ValueKind == JsonValueKind.Null ? null : c.GetProperty("region").GetString();
            if (region is not null && !AuthoritativeRegions.Contains(region) && !raw.StartsWith('+'))
            {
                continue;
            }

            foreach (var (prefix, suffix) in contexts)
            {
                // When the number is extracted in context
                total++;
                var phones = Phones(prefix + raw + suffix, region);
                if (phones.Any(p => p.Start >= prefix.Length && p.Start <= prefix.Length + 1))
                {
                    found++;
                }
                else
                {
                    output.WriteLine($"missed: [{prefix}{raw}{suffix}] ({region})");
                }
            }
        }

        // Then the measured recall holds (see docs/extraction.md)
        var recall = (double)found / total;
        output.WriteLine($"find_in_context: {found}/{total} = {recall:0.000}");
        recall.ShouldBeGreaterThanOrEqualTo(0.80);
    }

    [SkippableFact]
    public void Extract_ContextCasesWithMoneyOrPercent_FindsNothing()
    {
        // Given numbers stuck to a currency sign or a percent sign
        using var doc = Load();
        foreach (var c in doc.RootElement.GetProperty("context_cases").EnumerateArray())
        {
            var test = c.GetProperty("test").GetString()!;
            var text = c.GetProperty("text").GetString()!;
            var expected = c.GetProperty("found_at_VALID").GetBoolean();

            // When extracted
            var phones = Phones(text, c.GetProperty("region").GetString());

            // Then money and percentages are never phones, and every number libphonenumber finds is found
            if (test is "testMoneyNotSeenAsPhoneNumber" or "testPercentageNotSeenAsPhoneNumber" or "testNonMatchingBracketsAreInvalid")
            {
                phones.ShouldBeEmpty(text);
            }
            else if (expected)
            {
                phones.ShouldNotBeEmpty(text);
            }
        }
    }

    [SkippableFact]
    public void Extract_ExplicitTextCases_FindsExactlyTheExpectedNumbers()
    {
        // Given texts with several numbers and surrounding zip codes, each with what libphonenumber finds in it: the raw
        // numbers (and their starts, where given) or the spans. The expectation is the public case's alone; where we
        // differ, public-case-exceptions.txt says why.
        using var doc = Load();
        var exceptions = PublicCaseExceptions.Load();
        var ids = new List<string>();
        var unexpected = new List<string>();
        var stale = new List<string>();
        var index = 0;
        foreach (var c in doc.RootElement.GetProperty("explicit_text_cases").EnumerateArray())
        {
            var id = $"explicit_text_cases[{index++}]";
            ids.Add(id);
            var text = c.GetProperty("text").GetString()!;
            var region = c.GetProperty("region").GetString();

            // When extracted
            var phones = Phones(text, region);

            // Then exactly the expected numbers are found, in order, at the expected places
            string expected, got;
            if (c.TryGetProperty("expected_ranges", out var ranges))
            {
                expected = string.Join(", ", ranges.EnumerateArray().Select(r => $"[{r[0].GetInt32()},{r[1].GetInt32()})"));
                got = string.Join(", ", phones.Select(p => $"[{p.Start},{p.End})"));
            }
            else
            {
                var starts = c.TryGetProperty("expected_start", out var s) ? s.EnumerateArray().Select(e => e.GetInt32()).ToList() : null;
                expected = string.Join(", ", c.GetProperty("expected_raw").EnumerateArray().Select((e, i) => e.GetString() + (starts is null ? "" : $"@{starts[i]}")));
                got = string.Join(", ", phones.Select(p => p.Raw + (starts is null ? "" : $"@{p.Start}")));
            }

            var key = "libphonenumber " + id;
            if (exceptions.TryGetValue(key, out var reason))
            {
                output.WriteLine($"exception {id} ({c.GetProperty("test").GetString()}): [{text}] expected [{expected}] got [{got}]: {reason}");
                if (expected == got)
                {
                    stale.Add($"{key} passes now: remove it from public-case-exceptions.txt");
                }
            }
            else if (expected != got)
            {
                unexpected.Add($"UNEXPECTED {id} ({c.GetProperty("test").GetString()}): [{text}] ({region}) expected [{expected}] got [{got}]");
            }
        }

        ids.Count.ShouldBeGreaterThan(5);
        unexpected.ShouldBeEmpty(string.Join("\n", unexpected));
        stale.ShouldBeEmpty(string.Join("\n", stale));
        PublicCaseExceptions.ShouldAllMatch("libphonenumber", ids);
    }
}
