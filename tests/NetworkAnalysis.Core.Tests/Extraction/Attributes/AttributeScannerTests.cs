using System.Text;
using System.Text.RegularExpressions;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Tests.Extraction.Corpus;

namespace NetworkAnalysis.Core.Tests.Extraction.Attributes;

/// <summary>The hand-written attribute scanner against the four regexes it replaced (kept here as the reference):
/// the same kinds, values and spans on the corpus, generated ads and random text built from the words they look for.</summary>
public sealed partial class AttributeScannerTests
{
    [GeneratedRegex(@"\b(?<age>[1-6][0-9])\s?(?:yo|y/o|y\.o\.?|yrs?(?: old)?|years? old)\b|\bage\s?[:=-]?\s?(?<age>[1-6][0-9])\b|\bi'?\s?a?m\s(?<age>[1-6][0-9])\b(?!\s?(?:min|hr|h|mins|\$|%|roses))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Age();

    [GeneratedRegex(@"(?<![\w$])\$\s?(?<p>[1-9][0-9]{1,3}(?:,[0-9]{3})?)(?![0-9,])|(?<![\w.])(?<p>[1-9][0-9]{1,3})\s?(?:\$|usd\b|dollars\b|bucks\b|roses\b|rozes\b|donation\b|hh\b|/hr\b|/hh\b|hr\b|qv\b|fs\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Price();

    [GeneratedRegex(@"\b(?i:ask for|my name is|name'?s|call me|i'?m|it'?s|this is)\s(?<n>[A-Z][a-z]{1,14})\b|\b(?<n>[A-Z][a-z]{1,14})(?=\s(?:(?i:is)\s(?i:new|here|back|visiting|available)|-\s(?i:new in town|just arrived))\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\b(?:new in town|new to (?:town|the area|the city)|just arrived|recently arrived|just got (?:here|in)|in town (?:for|until|till|this week)|visiting(?: for| from| this)?|last (?:night|day) in town|leaving (?:soon|tomorrow)|only here (?:for|until|till)|first time (?:here|in town)|new girl|brand new|limited time)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    private static readonly string[] Pieces =
    [
        "23", "19", "70", "9", "1", "5", "0", "200", "1,500", "12345", ",", ".", "$", " $", "%", " ", "  ", "\t", "\n", "'", "/", ":", "=", "-", "_",
        "yo", "y/o", "y.o.", "y.o", "yrs", "yr", " old", "years", "year", "age", "Age", "i", "I", "im", "i'm", "I am", "am", "m", "min", "hr", "h",
        "roses", "usd", "dollars", "bucks", "rozes", "donation", "hh", "/hr", "/hh", "qv", "fs", "ask for", "my name is", "name's", "names",
        "call me", "it's", "its", "this is", "Mia", "Jo", "Alexandrinaaaaaa", "Sasha is new", " is ", "is", " - ", "-", "back", "available", "New", "new", "in town", "town", "to", "the area", "the city",
        "just arrived", "recently", "arrived", "just got", "here", "in", "for", "until", "till", "this week", "visiting", "from", "this",
        "last", "night", "day", "leaving", "soon", "tomorrow", "only here", "first time", "girl", "brand", "limited time", "X", "é",
        "\u212A", "\u017F", "\u0301", "\u0903", "\u00A0", "\u2028", "\u200D", "Las Vegas", "London",
    ];

    private static List<(AttributeKind, string, int, int)> Reference(string text)
    {
        var normalised = Core.Text.TextNormaliser.Normalise(text);
        var n = normalised.Text;
        var found = new List<(AttributeKind, string, int, int)>();
        void Add(AttributeKind kind, string value, Match m)
        {
            if (m.Length > 0)
            {
                var (s, e) = normalised.ToOriginal(m.Index, m.Index + m.Length);
                found.Add((kind, value, s, e));
            }
        }

        foreach (Match m in Age().Matches(n))
        {
            Add(AttributeKind.Age, m.Groups["age"].Value, m);
        }

        foreach (Match m in Price().Matches(n))
        {
            Add(AttributeKind.Price, m.Groups["p"].Value.Replace(",", "", StringComparison.Ordinal), m);
        }

        foreach (Match m in PersonName().Matches(n))
        {
            var name = m.Groups["n"].Value;
            if (!NotNames.Contains(name))
            {
                Add(AttributeKind.Name, name, m);
            }
        }

        foreach (Match m in Phrase().Matches(n))
        {
            Add(AttributeKind.Phrase, m.Value.ToLowerInvariant(), m);
        }

        return found;
    }

    // The words the extractor refuses as names (Cities.NotNames), repeated so the reference stands on its own.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "New", "Available", "Here", "Back", "Ready", "Sweet", "Sexy", "Hot", "Real", "Open", "Busy", "Free", "Out", "In", "Not", "So",
        "The", "Your", "Just", "Very", "Only", "Now", "Today", "Tonight", "Independent", "Young", "Petite", "Visiting", "Waiting", "Down",
        "Always", "Never", "Also", "Still", "Looking", "Fun", "Discreet", "Clean", "Safe", "Verified", "Incall", "Outcall", "This", "That", "It", "She", "He", "Who", "What", "There", "Everything", "Everyone", "Service", "Price",
        "Location", "Pic", "Pics", "Photo", "Photos", "Number", "Phone", "Girl", "Girls", "Body", "Place", "Room", "Hotel", "Spot", "Menu",
    };

    private static List<(AttributeKind, string, int, int)> Scanner(EntityExtractor extractor, string text) =>
        [.. extractor.Extract(text, "US").Attributes.Where(a => a.Kind != AttributeKind.City).Select(a => (a.Kind, a.Value, a.Start, a.End))];

    private static void AssertSame(EntityExtractor extractor, string text)
    {
        var expected = Reference(text).OrderBy(a => a.Item3).ThenBy(a => a.Item1).ThenBy(a => a.Item2, StringComparer.Ordinal).ToList();
        var actual = Scanner(extractor, text);
        if (!expected.SequenceEqual(actual))
        {
            throw new Xunit.Sdk.XunitException(
                $"text: {text}\nexpected: {string.Join("; ", expected)}\nactual:   {string.Join("; ", actual)}");
        }
    }

    [Fact]
    public void Scanner_CorpusAndGeneratedAds_MatchTheReferenceRegexes()
    {
        // Given the labelled corpus and 2,000 generated ads
        var extractor = new EntityExtractor();
        var texts = ExtractionCorpusTests.LoadAll().Select(c => c.Text).ToList();
        texts.AddRange(CorpusGenerator.Generate(new CorpusOptions { Ads = 2_000, Seed = 5 }).Select(g => g.Ad.Text));

        // When each is scanned, then ages, prices, names and phrases equal the regexes' matches exactly
        texts.Count.ShouldBeGreaterThan(2_500);
        foreach (var text in texts)
        {
            AssertSame(extractor, text);
        }
    }

    [Fact]
    public void Scanner_RandomTextOfTheSoughtWords_MatchesTheReferenceRegexes()
    {
        // Given 30,000 random strings glued from the pieces the patterns look for (seeded)
        var extractor = new EntityExtractor();
        var random = new Random(17);
        var matched = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var sb = new StringBuilder();
            var parts = random.Next(1, 12);
            for (var k = 0; k < parts; k++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0)
                {
                    sb.Append(' ');
                }
            }

            // When scanned, then the result equals the reference
            var text = sb.ToString();
            AssertSame(extractor, text);
            matched += Reference(text).Count > 0 ? 1 : 0;
        }

        // And the strings exercise the patterns (not a vacuous comparison)
        matched.ShouldBeGreaterThan(3_000);
    }
}
