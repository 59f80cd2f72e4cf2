namespace NetworkAnalysis.Core.Ads;

/// <summary>Options for <see cref="AdReader"/>.</summary>
public sealed record AdReaderOptions
{
    /// <summary>Maps schema field names to the input's column names (<c>body=description</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldMap { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Site used when a row names none.</summary>
    public string DefaultSite { get; init; } = "";

    /// <summary>Country used when a row names none (ISO 3166 alpha-2).</summary>
    public string? DefaultCountry { get; init; }

    /// <summary>Largest accepted row, in characters; longer rows are reported and skipped.</summary>
    public int MaxRowChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most columns accepted in one row.</summary>
    public int MaxColumns { get; init; } = 1024;

    /// <summary>Parses <c>name=column</c> pairs into a field map.</summary>
    /// <exception cref="FormatException">A pair has no '=' or names an unknown field.</exception>
    public static IReadOnlyDictionary<string, string> ParseFieldMap(IEnumerable<string> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"--map '{pair}': expected FIELD=COLUMN, e.g. body=description");
            }

            var field = pair[..eq].Trim();
            if (!AdFields.All.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"--map '{pair}': unknown field '{field}'; known fields: {string.Join(", ", AdFields.All)}");
            }

            map[field] = pair[(eq + 1)..].Trim();
        }

        return map;
    }
}
