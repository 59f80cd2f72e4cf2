using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>City names recognised as attributes (major US, UK, Canadian and Australian cities), and words that are not names.</summary>
internal static class Cities
{
    private static readonly string[] Names =
    [
        "Las Vegas", "Los Angeles", "New York", "San Diego", "San Francisco", "San Jose", "San Antonio", "Salt Lake City", "New Orleans",
        "Kansas City", "Oklahoma City", "St Louis", "Fort Worth", "El Paso", "Long Beach", "Virginia Beach", "Miami", "Orlando", "Tampa",
        "Jacksonville", "Atlanta", "Houston", "Dallas", "Austin", "Phoenix", "Tucson", "Denver", "Seattle", "Portland", "Chicago",
        "Detroit", "Boston", "Philadelphia", "Baltimore", "Washington", "Charlotte", "Nashville", "Memphis", "Louisville", "Indianapolis",
        "Columbus", "Cleveland", "Cincinnati", "Pittsburgh", "Milwaukee", "Minneapolis", "Sacramento", "Fresno", "Oakland", "Honolulu",
        "Albuquerque", "Omaha", "Raleigh", "Richmond", "Reno", "Newark", "Buffalo", "Brooklyn", "Manhattan", "Queens", "Bronx",
        "London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Glasgow", "Edinburgh", "Bristol", "Sheffield", "Cardiff", "Belfast",
        "Nottingham", "Leicester", "Newcastle", "Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa", "Edmonton", "Winnipeg",
        "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Auckland", "Wellington",
    ];

    private static readonly FrozenDictionary<string, string> ByFirstWord = Names
        .GroupBy(n => n.Split(' ')[0], StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => string.Join('|', g.OrderByDescending(n => n.Length)), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> FirstWordLookup =
        ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> NotNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "New", "Available", "Here", "Back", "Ready", "Sweet", "Sexy", "Hot", "Real", "Open", "Busy", "Free", "Out", "In", "Not", "So",
        "The", "Your", "Just", "Very", "Only", "Now", "Today", "Tonight", "Independent", "Young", "Petite", "Visiting", "Waiting", "Down",
        "Always", "Never", "Also", "Still", "Looking", "Fun", "Discreet", "Clean", "Safe", "Verified", "Incall", "Outcall", "This", "That", "It", "She", "He", "Who", "What", "There", "Everything", "Everyone", "Service", "Price",
        "Location", "Pic", "Pics", "Photo", "Photos", "Number", "Phone", "Girl", "Girls", "Body", "Place", "Room", "Hotel", "Spot", "Menu");

    /// <summary>Whether a capitalised word after "I'm" (or before "is new") is an adjective, status or thing, not a name.</summary>
    public static bool IsNotName(string word) => NotNames.Contains(word);

    /// <summary>Adds every listed city named in the normalised text.</summary>
    public static void Find(ExtractionInput input, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterUpper(text[i]) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < text.Length && char.IsAsciiLetter(text[j]))
            {
                j++;
            }

            if (FirstWordLookup.TryGetValue(text.AsSpan(i, j - i), out var candidates))
            {
                foreach (var city in candidates.Split('|'))
                {
                    if (i + city.Length <= text.Length && text.AsSpan(i, city.Length).Equals(city, StringComparison.OrdinalIgnoreCase)
                        && (i + city.Length == text.Length || !char.IsAsciiLetter(text[i + city.Length])))
                    {
                        attributes.Add(input.Attribute(AttributeKind.City, city, i, i + city.Length));
                        j = i + city.Length;
                        break;
                    }
                }
            }

            i = j;
        }
    }
}
