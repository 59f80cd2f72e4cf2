using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

/// <summary>
/// The numbering plan's prefix patterns run on the linear-time (non-backtracking) engine: it must measure every prefix
/// exactly as the backtracking engine does, since the prefix length decides where the national number starts.
/// </summary>
public sealed class TerritoryPrefixEngineTests
{
    [Fact]
    public void PrefixPatterns_LinearEngine_MatchesBacktrackingOnEveryShortPrefix()
    {
        // Given every IDD and national-prefix-for-parsing pattern of the embedded plan, and inputs made of every digit
        // string up to 4 digits long followed by a seeded random tail (prefixes in the plan are at most a few digits)
        var patterns = NumberingPlan.Default.All
            .SelectMany(t => new[] { t.InternationalPrefixPattern, t.NationalPrefixForParsingPattern })
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var random = new Random(17);
        var inputs = new List<string>();
        for (var length = 1; length <= 4; length++)
        {
            for (var n = 0; n < (int)Math.Pow(10, length); n++)
            {
                var tail = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)('0' + random.Next(10))));
                inputs.Add(n.ToString("D" + length, System.Globalization.CultureInfo.InvariantCulture) + tail);
            }
        }

        // When each is measured by both engines
        var linear = 0;
        var matched = 0;
        var mismatches = new List<string>();
        foreach (var pattern in patterns)
        {
            var fast = Territory.LinearPrefixRegex(pattern);
            if (fast is null)
            {
                continue;
            }

            linear++;
            var reference = Territory.BacktrackingPrefixRegex(pattern);
            foreach (var input in inputs)
            {
                var expected = Territory.MatchLength(reference, input);
                var actual = Territory.MatchLength(fast, input);
                matched += expected > 0 ? 1 : 0;
                if (expected != actual && mismatches.Count < 20)
                {
                    mismatches.Add($"/{pattern}/ on {input}: backtracking {expected}, linear {actual}");
                }
            }
        }

        // Then every pattern runs on the linear engine, with the same prefix lengths
        patterns.Count.ShouldBeGreaterThan(50); // 76 distinct patterns in the embedded plan
        linear.ShouldBe(patterns.Count);
        mismatches.ShouldBeEmpty();
        matched.ShouldBeGreaterThan(10_000); // the inputs do reach into the prefixes, so agreement is not only on "no match"
    }
}
