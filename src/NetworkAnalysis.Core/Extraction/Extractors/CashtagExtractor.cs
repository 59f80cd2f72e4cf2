namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds Cash App $cashtags written with their '$'.</summary>
/// <remarks>
/// A cashtag starts with a letter after the '$' (so "$200", "$150hh" and "$1,000" are prices, never cashtags),
/// is 1-20 letters, digits, '_' or '-', and stands alone: no letter, digit or '$' just before the '$'. Currency codes
/// ("$USD") are not cashtags. Value: '$' plus the tag in lower case.
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
                if (tag.Length <= MaxLength && (j == text.Length || !(char.IsAsciiLetterOrDigit(text[j]) || text[j] is '$' or '@')) && !IsCurrencyCode(tag))
                {
                    entities.Add(input.Mention(EntityType.Cashtag, "$" + tag.ToString().ToLowerInvariant(), i, j, 0.9, Name));
                }
            }

            i = text.IndexOf('$', i + 1);
        }
    }

    private static bool IsCurrencyCode(ReadOnlySpan<char> tag) =>
        tag.Length == 3 && (tag.Equals("usd", StringComparison.OrdinalIgnoreCase) || tag.Equals("cad", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("aud", StringComparison.OrdinalIgnoreCase) || tag.Equals("nzd", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("mxn", StringComparison.OrdinalIgnoreCase) || tag.Equals("hkd", StringComparison.OrdinalIgnoreCase)
            || tag.Equals("sgd", StringComparison.OrdinalIgnoreCase));
}
