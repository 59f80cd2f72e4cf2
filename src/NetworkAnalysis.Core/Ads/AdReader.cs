using System.Globalization;
using System.Text.Json;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Reads ads from CSV or JSON Lines, one ad per row, reporting each bad row instead of stopping.</summary>
/// <remarks>Streaming: memory does not grow with the file. Reads only through <see cref="TextReader"/>.</remarks>
public sealed class AdReader
{
    private readonly AdReaderOptions _options;

    // The input columns that schema fields are read from (the rest become attributes); built once, not for every row (#21).
    private readonly HashSet<string> _known;

    /// <summary>Creates a reader.</summary>
    public AdReader(AdReaderOptions? options = null)
    {
        _options = options ?? new AdReaderOptions();
        _known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in AdFields.All)
        {
            _known.Add(ColumnFor(f));
        }
    }

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

    private string? Get(Dictionary<string, string?> fields, string name)
    {
        return fields.TryGetValue(ColumnFor(name), out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    private AdReadItem Build(Dictionary<string, string?> fields, string raw, string fileName, int lineNo)
    {
        var id = Get(fields, AdFields.Id)?.Trim();
        if (id is null)
        {
            return Fail(fileName, lineNo, AdFields.Id, "missing (the id field is required)");
        }

        if (id.Length > 512)
        {
            return Fail(fileName, lineNo, AdFields.Id, "longer than 512 characters");
        }

        DateTimeOffset? postedAt = null;
        if (Get(fields, AdFields.PostedAt) is { } postedText)
        {
            if (!DateTimeOffset.TryParse(postedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return Fail(fileName, lineNo, AdFields.PostedAt, $"'{Truncate(postedText)}' is not an ISO 8601 date-time");
            }

            postedAt = parsed;
        }

        decimal? price = null;
        if (Get(fields, AdFields.Price) is { } priceText)
        {
            var cleaned = priceText.Trim().TrimStart('$', '£', '€');
            if (!decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) || p < 0)
            {
                return Fail(fileName, lineNo, AdFields.Price, $"'{Truncate(priceText)}' is not a non-negative number");
            }

            price = p;
        }

        int? age = null;
        if (Get(fields, AdFields.Age) is { } ageText)
        {
            if (!int.TryParse(ageText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) || a is < 0 or > 150)
            {
                return Fail(fileName, lineNo, AdFields.Age, $"'{Truncate(ageText)}' is not an age in years");
            }

            age = a;
        }

        var country = (Get(fields, AdFields.Country) ?? _options.DefaultCountry)?.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1])))
        {
            return Fail(fileName, lineNo, AdFields.Country, $"'{Truncate(country)}' is not an ISO 3166 alpha-2 code");
        }

        var extra = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!_known.Contains(key) && value is not null)
            {
                extra[key] = value;
            }
        }

        return new AdReadItem(new Ad
        {
            Id = id,
            Site = Get(fields, AdFields.Site)?.Trim() ?? _options.DefaultSite,
            PostedAt = postedAt,
            City = Get(fields, AdFields.City)?.Trim(),
            Region = Get(fields, AdFields.Region)?.Trim(),
            Country = country,
            Title = Get(fields, AdFields.Title),
            Body = Get(fields, AdFields.Body),
            Poster = Get(fields, AdFields.Poster)?.Trim(),
            Images = SplitList(Get(fields, AdFields.Images)),
            ImageHashes = SplitList(Get(fields, AdFields.ImageHashes)),
            Price = price,
            Age = age,
            Attributes = extra,
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
