using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Reads ads from CSV or JSON Lines, one ad per row, reporting each bad row instead of stopping.</summary>
/// <remarks>Streaming: memory does not grow with the file. Reads only through <see cref="TextReader"/>.</remarks>
public sealed class AdReader
{
    private readonly AdReaderOptions _options;

    // The input columns that schema fields are read from (the rest become attributes); built once, not for every row (#21).
    private readonly FrozenSet<string> _known;

    // Each schema field's input column, looked up in the field map once, not twice per field and row (#21, session 13).
    private readonly Columns _columns;

    /// <summary>Creates a reader.</summary>
    public AdReader(AdReaderOptions? options = null)
    {
        _options = options ?? new AdReaderOptions();
        _known = AdFields.All.Select(ColumnFor).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _columns = new Columns(ColumnFor(AdFields.Id), ColumnFor(AdFields.Site), ColumnFor(AdFields.PostedAt), ColumnFor(AdFields.City),
            ColumnFor(AdFields.Region), ColumnFor(AdFields.Country), ColumnFor(AdFields.Title), ColumnFor(AdFields.Body),
            ColumnFor(AdFields.Poster), ColumnFor(AdFields.Images), ColumnFor(AdFields.ImageHashes), ColumnFor(AdFields.Price),
            ColumnFor(AdFields.Age));
    }

    private sealed record Columns(string Id, string Site, string PostedAt, string City, string Region, string Country, string Title,
        string Body, string Poster, string Images, string ImageHashes, string Price, string Age);

    /// <summary>An ad without attributes shares this one (read-only) instead of an empty sorted dictionary of its own.</summary>
    private static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Guesses the format from a file name: <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c> or <c>.csv</c>/<c>.tsv</c>.</summary>
    public static AdInputFormat? DetectFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => AdInputFormat.JsonLines,
        ".csv" => AdInputFormat.Csv,
        ".tsv" => AdInputFormat.Tsv,
        _ => null,
    };

    /// <summary>Reads every row of <paramref name="reader"/>.</summary>
    /// <param name="reader">The input text.</param>
    /// <param name="format">The input format.</param>
    /// <param name="fileName">Name used in error messages.</param>
    /// <param name="skipRows">Rows to skip before yielding (for resuming an interrupted ingest).</param>
    public IEnumerable<AdReadItem> Read(TextReader reader, AdInputFormat format, string fileName, long skipRows = 0) => format switch
    {
        AdInputFormat.JsonLines => ReadJsonLines(reader, fileName, skipRows),
        AdInputFormat.Csv => ReadDelimited(reader, fileName, ',', skipRows),
        AdInputFormat.Tsv => ReadDelimited(reader, fileName, '\t', skipRows),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown input format"),
    };

    private IEnumerable<AdReadItem> ReadJsonLines(TextReader reader, string fileName, long skipRows)
    {
        var lineNo = 0;
        long row = 0;
        // Bounded: a line over the limit is consumed but only its first characters are kept, so it cannot exhaust memory.
        var lines = new BoundedLineReader(reader, _options.MaxRowChars + 1);
        while (lines.TryRead(out var line, out var length))
        {
            lineNo++;
            if (length == line.Length && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (row++ < skipRows)
            {
                continue;
            }

            yield return length > _options.MaxRowChars
                ? Fail(fileName, lineNo, null, $"row is {length:N0} characters, over the limit of {_options.MaxRowChars:N0}")
                : ParseJsonLine(line, fileName, lineNo);
        }
    }

    private AdReadItem ParseJsonLine(string line, string fileName, int lineNo)
    {
        if (line.Length > _options.MaxRowChars)
        {
            return Fail(fileName, lineNo, null, $"row is {line.Length:N0} characters, over the limit of {_options.MaxRowChars:N0}");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(JsonSurrogates.Repair(line), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return Fail(fileName, lineNo, null, "invalid JSON: " + JsonProblem(ex));
        }
        catch (ArgumentException ex)
        {
            return Fail(fileName, lineNo, null, "invalid text: " + ex.Message);
        }

        using (doc)
        {
            try
            {
                return ReadJsonObject(doc, line, fileName, lineNo);
            }
            catch (InvalidOperationException ex)
            {
                // System.Text.Json refuses text it cannot turn into a string; the row is reported, never a crash.
                return Fail(fileName, lineNo, null, "unreadable JSON text: " + ex.Message);
            }
        }
    }

    /// <summary>The parser's message without its own position ("LineNumber: 0" counts lines within the one row), with the
    /// position in the row instead: the file's line is already in the error.</summary>
    internal static string JsonProblem(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = message.TrimEnd();
        if (message.EndsWith('.'))
        {
            message = message[..^1];
        }

        return ex.BytePositionInLine is { } at ? $"{message} (at byte {at + 1} of the row)" : message;
    }

    private AdReadItem ReadJsonObject(JsonDocument doc, string line, string fileName, int lineNo)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Fail(fileName, lineNo, null, "expected a JSON object per line");
        }

        // Sized for the row's properties (at most the limit), so it is not grown and copied three times per row (#21).
        var fields = new Dictionary<string, string?>(Math.Min(doc.RootElement.GetPropertyCount(), Math.Max(_options.MaxColumns, 0)), StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (++count > _options.MaxColumns)
            {
                return Fail(fileName, lineNo, null, $"more than {_options.MaxColumns} fields");
            }

            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => property.Value.GetRawText(),
            };
        }

        return Build(fields, line, fileName, lineNo);
    }

    private IEnumerable<AdReadItem> ReadDelimited(TextReader reader, string fileName, char delimiter, long skipRows)
    {
        var rows = new DelimitedRowReader(reader, delimiter, _options.MaxRowChars, Math.Max(_options.MaxColumns, 1));
        string[]? header = null;
        long row = 0;
        foreach (var record in rows.ReadAll())
        {
            if (header is null)
            {
                if (record.Fields is null)
                {
                    yield return Fail(fileName, record.Line, null, "could not read the header: " + record.Error);
                    yield break;
                }

                header = record.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
                if (!header.Any(h => h.Equals(ColumnFor(AdFields.Id), StringComparison.OrdinalIgnoreCase)))
                {
                    yield return Fail(fileName, record.Line, AdFields.Id, $"the header has no '{ColumnFor(AdFields.Id)}' column (use --map id=COLUMN)");
                    yield break;
                }

                continue;
            }

            if (row++ < skipRows)
            {
                continue;
            }

            if (record.Fields is null)
            {
                yield return Fail(fileName, record.Line, null, record.Error ?? "malformed row");
                continue;
            }

            if (record.Fields.Length != header.Length)
            {
                yield return Fail(fileName, record.Line, null, $"expected {header.Length} columns, found {record.Fields.Length}");
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = record.Fields[i];
            }

            yield return Build(fields, record.Raw, fileName, record.Line);
        }
    }

    /// <summary>Reads spreadsheet rows with the same header and column mapping as CSV.</summary>
    internal IEnumerable<AdReadItem> ReadSheet(IEnumerable<SheetRow> rows, string fileName, long skipRows)
    {
        string[]? header = null;
        long row = 0;
        foreach (var record in rows)
        {
            if (record.Cells is null)
            {
                yield return Fail(fileName, record.Line, null, record.Error ?? "unreadable sheet");
                yield break;
            }

            if (record.Cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header is null)
            {
                header = record.Cells.Select(h => h.Trim()).ToArray();
                if (!header.Any(h => h.Equals(ColumnFor(AdFields.Id), StringComparison.OrdinalIgnoreCase)))
                {
                    yield return Fail(fileName, record.Line, AdFields.Id, $"the header row has no '{ColumnFor(AdFields.Id)}' column (use --map id=COLUMN)");
                    yield break;
                }

                continue;
            }

            if (row++ < skipRows)
            {
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < record.Cells.Length; i++)
            {
                if (header[i].Length > 0)
                {
                    fields.TryAdd(header[i], record.Cells[i]);
                }
            }

            yield return Build(fields, string.Join('\t', record.Cells), fileName, record.Line);
        }
    }

    private string ColumnFor(string field) => _options.FieldMap.TryGetValue(field, out var mapped) ? mapped : field;

    private static string? Get(Dictionary<string, string?> fields, string column)
    {
        return fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>Parses a posted date-time as <c>DateTimeOffset.TryParse</c> with the invariant culture, assumed and adjusted to
    /// UTC, does; the common <c>yyyy-MM-ddTHH:mm:ssZ</c> is read digit by digit first (#21, session 13: the general parser was
    /// ~8% of reading a JSON Lines row). Anything else, or a value out of range, goes to the general parser.</summary>
    internal static bool TryParsePostedAt(string text, out DateTimeOffset value)
    {
        if (TryParseUtcSeconds(text, out value))
        {
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private static bool TryParseUtcSeconds(string s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;

        static bool Digits(string s, int at, int count, out int number)
        {
            number = 0;
            for (var i = at; i < at + count; i++)
            {
                var d = s[i] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                number = (number * 10) + d;
            }

            return true;
        }
    }

    private AdReadItem Build(Dictionary<string, string?> fields, string raw, string fileName, int lineNo)
    {
        var c = _columns;
        var id = Get(fields, c.Id)?.Trim();
        if (id is null)
        {
            return Fail(fileName, lineNo, AdFields.Id, "missing (the id field is required)");
        }

        if (id.Length > 512)
        {
            return Fail(fileName, lineNo, AdFields.Id, "longer than 512 characters");
        }

        DateTimeOffset? postedAt = null;
        if (Get(fields, c.PostedAt) is { } postedText)
        {
            if (!TryParsePostedAt(postedText, out var parsed))
            {
                return Fail(fileName, lineNo, AdFields.PostedAt, $"'{Truncate(postedText)}' is not an ISO 8601 date-time");
            }

            postedAt = parsed;
        }

        decimal? price = null;
        if (Get(fields, c.Price) is { } priceText)
        {
            var cleaned = priceText.Trim().TrimStart('$', '£', '€');
            if (!decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) || p < 0)
            {
                return Fail(fileName, lineNo, AdFields.Price, $"'{Truncate(priceText)}' is not a non-negative number");
            }

            price = p;
        }

        int? age = null;
        if (Get(fields, c.Age) is { } ageText)
        {
            if (!int.TryParse(ageText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) || a is < 0 or > 150)
            {
                return Fail(fileName, lineNo, AdFields.Age, $"'{Truncate(ageText)}' is not an age in years");
            }

            age = a;
        }

        var country = (Get(fields, c.Country) ?? _options.DefaultCountry)?.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1])))
        {
            return Fail(fileName, lineNo, AdFields.Country, $"'{Truncate(country)}' is not an ISO 3166 alpha-2 code");
        }

        SortedDictionary<string, string>? extra = null;
        foreach (var (key, value) in fields)
        {
            if (value is not null && !_known.Contains(key))
            {
                extra ??= new SortedDictionary<string, string>(StringComparer.Ordinal);
                extra[key] = value;
            }
        }

        return new AdReadItem(new Ad
        {
            Id = id,
            Site = Get(fields, c.Site)?.Trim() ?? _options.DefaultSite,
            PostedAt = postedAt,
            City = Get(fields, c.City)?.Trim(),
            Region = Get(fields, c.Region)?.Trim(),
            Country = country,
            Title = Get(fields, c.Title),
            Body = Get(fields, c.Body),
            Poster = Get(fields, c.Poster)?.Trim(),
            Images = SplitList(Get(fields, c.Images)),
            ImageHashes = SplitList(Get(fields, c.ImageHashes)),
            Price = price,
            Age = age,
            Attributes = extra ?? NoAttributes,
            RawRow = raw,
            Line = lineNo,
        }, null);
    }

    private static string[] SplitList(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static AdReadItem Fail(string file, int line, string? field, string message) =>
        new(null, new AdReadError(file, line, field, message));
}
