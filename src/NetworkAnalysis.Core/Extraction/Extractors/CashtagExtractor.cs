namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds Cash App $cashtags written with their '$'.</summary>
/// <remarks>
/// A cashtag starts with a letter after the '$' (so "$200", "$150hh" and "$1,000" are prices, never cashtags),
/// is 1-20 letters, digits, '_' or '-', and stands alone: no letter, digit or '$' just before the '$'. Currency codes
/// ("$USD") and ad words with '$' for their 's' ("$pecials", "$exy") are not cashtags. Value: '$' plus the tag in lower case.
/// </remarks>
public sealed class CashtagExtractor : IEntityExtractor
{
    private const int MaxLength = 20;

    /// <inheritdoc/>
    public string Name => "cashtag";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        var i = text.IndexOf('$', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < text.Length)
        {
            if (char.IsAsciiLetter(text[i + 1]) && (i == 0 || !(char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] is '$' or '_' or '/')))
            {
                var j = i + 1;
                while (j < text.Length && j - i <= MaxLength + 1 && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '_' or '-'))
                {
                    j++;
                }

                while (j > i + 1 && text[j - 1] is '-' or '_')
                {
                    j--;
                }

                var tag = text.AsSpan(i + 1, j - i - 1);
                if (tag.Length <= MaxLength && (j == text.Length || !(char.IsAsciiLetterOrDigit(text[j]) || text[j] is '$' or '@')) && !IsCurrencyCode(tag)
                    && !IsDollarS(tag))
                {
                    entities.Add(input.Mention(EntityType.Cashtag, "$" + tag.ToString().ToLowerInvariant(), i, j, 0.9, Name));
                }
            }

            i = text.IndexOf('$', i + 1);
        }
    }

    // Ad words that start with 's', written with '$' for the 's' ("$pecials", "$exy"): marketing, not Cash App tags.
    private static readonly System.Collections.Frozen.FrozenSet<string> DollarSWords = System.Collections.Frozen.FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "special", "specials", "specialty", "sexy", "sexiest", "sale", "sales", "save", "savings", "spa", "sweet", "sweetie", "service",
        "services", "student", "students", "summer", "sunday", "saturday", "session", "sessions", "sensual", "spoil", "spoiled", "style",
        "smile", "soft", "sugar", "super", "steal", "steals", "show", "shows", "single", "singles", "star", "stars", "secret", "secrets",
        "satisfaction", "satisfied", "seduction", "seductive", "senior", "seniors", "serious", "slim", "slut", "stunning", "stud",
        "studs", "sugardaddy", "sugardaddies", "sweetheart", "sweethearts", "simple", "sure", "spring", "starting", "staff", "specialz");

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DollarSLookup =
        DollarSWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsDollarS(ReadOnlySpan<char> tag)
    {
        if (tag.Length + 1 > 24)
        {
            return false;
        }

        Span<char> word = stackalloc char[tag.Length + 1];
        word[0] = 's';
        tag.CopyTo(word[1..]);
        return DollarSLookup.Contains(word);
    }

    private static bool IsCurrencyCode(ReadOnlySpan<char> tag) =>
        tag.Length == 3 && (tag.Equals("usd", StringComparison.OrdinalIgnoreCase) || tag.Equals("cad", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("aud", StringComparison.OrdinalIgnoreCase) || tag.Equals("nzd", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("mxn", StringComparison.OrdinalIgnoreCase) || tag.Equals("hkd", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("sgd", StringComparison.OrdinalIgnoreCase));
}
