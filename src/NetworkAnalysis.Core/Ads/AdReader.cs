using System.Globalization;
using System.Text.Json;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Reads ads from CSV or JSON Lines, one ad per row, reporting each bad row instead of stopping.</summary>
/// <remarks>Streaming: memory does not grow with the file. Reads only through <see cref="TextReader"/>.</remarks>
public sealed class AdReader
{
    private readonly AdReaderOptions _options;

    // The input columns that schema fields are read from, each with its slot in a row's fields (the rest of a row's columns
    // become attributes); built once per reader (#21). A column name is looked up once per row, not once to store it, once to
    // read each field and once more to tell attributes apart (#21, session 13).
    private readonly Dictionary<string, int> _slots;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _slotLookup;
    private readonly Columns _columns;

    /// <summary>Creates a reader.</summary>
    public AdReader(AdReaderOptions? options = null)
    {
        _options = options ?? new AdReaderOptions();
        // One slot per distinct input column a schema field is read from (two fields mapped to one column share it).
        var slots = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fieldSlots = new int[AdFields.All.Count];
        for (var f = 0; f < fieldSlots.Length; f++)
        {
            var column = ColumnFor(AdFields.All[f]);
            if (!slots.TryGetValue(column, out var slot))
            {
                slot = slots.Count;
                slots[column] = slot;
            }

            fieldSlots[f] = slot;
        }

        _slots = slots;
        _slotLookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
        int Slot(string field) => fieldSlots[IndexOf(field)];
        _columns = new Columns(Slot(AdFields.Id), Slot(AdFields.Site), Slot(AdFields.PostedAt), Slot(AdFields.City), Slot(AdFields.Region),
            Slot(AdFields.Country), Slot(AdFields.Title), Slot(AdFields.Body), Slot(AdFields.Poster), Slot(AdFields.Images),
            Slot(AdFields.ImageHashes), Slot(AdFields.Price), Slot(AdFields.Age));
    }

    private static int IndexOf(string field)
    {
        for (var i = 0; i < AdFields.All.Count; i++)
        {
            if (AdFields.All[i] == field)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(field));
    }

    // The slot of each schema field in a row's fields (see RowFields).
    private sealed record Columns(int Id, int Site, int PostedAt, int City, int Region, int Country, int Title,
        int Body, int Poster, int Images, int ImageHashes, int Price, int Age);

    /// <summary>An ad without attributes shares this one (read-only) instead of an empty sorted dictionary of its own.</summary>
    private static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Whether JSON Lines rows are read with <see cref="TryReadJsonFast"/> first (tests compare both ways).</summary>
    internal bool JsonFastPath { get; init; } = true;

    /// <summary>Rows the fast path read, for tests to see that it was taken.</summary>
    internal long FastRows { get; private set; }

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
        var fields = new RowFields(this);
        var utf8 = Array.Empty<byte>();
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
                : JsonFastPath && TryReadJsonFast(line, fields, ref utf8) ? Build(fields, line, fileName, lineNo) : ParseJsonLine(line, fields, fileName, lineNo);
        }
    }

    /// <summary>Reads a plain row (an object of strings, numbers, booleans, nulls and flat arrays, no surrogate to repair) into
    /// <paramref name="fields"/> straight from its UTF-8 with <see cref="Utf8JsonReader"/>: no <see cref="JsonDocument"/>, no
    /// dictionary, no string per known column's name (#21, session 13). Anything else, or anything wrong, returns false without
    /// a judgement: <see cref="ParseJsonLine"/> then reads the row as before, with its errors.</summary>
    private bool TryReadJsonFast(string line, RowFields fields, ref byte[] utf8)
    {
        if (JsonSurrogates.NeedsRepair(line))
        {
            return false;
        }

        var max = System.Text.Encoding.UTF8.GetMaxByteCount(line.Length);
        if (utf8.Length < max)
        {
            utf8 = new byte[Math.Max(max, utf8.Length * 2)];
        }

        var bytes = utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(line.AsSpan(), utf8));
        fields.Clear();
        try
        {
            var json = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 32 });
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var count = 0;
            Span<char> nameBuffer = stackalloc char[64];
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (++count > _options.MaxColumns || json.HasValueSequence)
                {
                    return false;
                }

                // The name unescaped into a stack buffer and looked up as it is; a longer one (a mapped column may be) as a string.
                var slot = -1;
                string? name = null;
                if (json.ValueSpan.Length <= nameBuffer.Length)
                {
                    var written = json.CopyString(nameBuffer);
                    if (!_slotLookup.TryGetValue(nameBuffer[..written], out slot))
                    {
                        slot = -1;
                        name = new string(nameBuffer[..written]);
                    }
                }
                else
                {
                    name = json.GetString()!;
                    if (_slots.TryGetValue(name, out slot))
                    {
                        name = null;
                    }
                    else
                    {
                        slot = -1;
                    }
                }

                if (!json.Read() || !TryValue(ref json, out var value))
                {
                    return false;
                }

                if (slot >= 0)
                {
                    fields.SetKnown(slot, value);
                }
                else
                {
                    fields.SetOther(name!, value);
                }
            }

            // The root object has ended (or the reader stopped): nothing but white space may follow it.
            if (json.TokenType != JsonTokenType.EndObject || json.CurrentDepth != 0 || json.Read())
            {
                return false;
            }

            FastRows++;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A property's value as <see cref="ReadJsonObject"/> turns it into text: strings unescaped, null as null, numbers
    /// and booleans as written, a flat array's items joined by ';'. False for an object or a nested array.</summary>
    private static bool TryValue(ref Utf8JsonReader json, out string? value)
    {
        value = null;
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                value = json.GetString();
                return true;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                value = System.Text.Encoding.UTF8.GetString(json.ValueSpan);
                return !json.HasValueSequence;
            case JsonTokenType.StartArray:
                var items = new List<string?>();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    switch (json.TokenType)
                    {
                        case JsonTokenType.String:
                            items.Add(json.GetString());
                            break;
                        case JsonTokenType.Null:
                            items.Add("null");
                            break;
                        case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                            items.Add(System.Text.Encoding.UTF8.GetString(json.ValueSpan));
                            break;
                        default:
                            return false;
                    }
                }

                value = string.Join(';', items);
                return json.TokenType == JsonTokenType.EndArray;
            default:
                return false;
        }
    }

    private AdReadItem ParseJsonLine(string line, RowFields fields, string fileName, int lineNo)
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
                return ReadJsonObject(doc, fields, line, fileName, lineNo);
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

    private AdReadItem ReadJsonObject(JsonDocument doc, RowFields fields, string line, string fileName, int lineNo)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Fail(fileName, lineNo, null, "expected a JSON object per line");
        }

        fields.Clear();
        var count = 0;
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (++count > _options.MaxColumns)
            {
                return Fail(fileName, lineNo, null, $"more than {_options.MaxColumns} fields");
            }

            fields.Set(property.Name, property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => property.Value.GetRawText(),
            });
        }

        return Build(fields, line, fileName, lineNo);
    }

    private IEnumerable<AdReadItem> ReadDelimited(TextReader reader, string fileName, char delimiter, long skipRows)
    {
        var rows = new DelimitedRowReader(reader, delimiter, _options.MaxRowChars, Math.Max(_options.MaxColumns, 1));
        string[]? header = null;
        long row = 0;
        var fields = new RowFields(this);
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

            fields.Clear();
            for (var i = 0; i < header.Length; i++)
            {
                fields.Set(header[i], record.Fields[i]);
            }

            yield return Build(fields, record.Raw, fileName, record.Line);
        }
    }

    /// <summary>Reads spreadsheet rows with the same header and column mapping as CSV.</summary>
    internal IEnumerable<AdReadItem> ReadSheet(IEnumerable<SheetRow> rows, string fileName, long skipRows)
    {
        string[]? header = null;
        long row = 0;
        var fields = new RowFields(this);
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

            fields.Clear();
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

    private static string? Get(RowFields fields, int slot)
    {
        var value = fields.Known(slot);
        return !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>One row's fields by input column name, ignoring case: the columns schema fields are read from in slots, the rest
    /// (the attributes) in a dictionary made only for a row that has them. Reused row after row by one enumeration.</summary>
    private sealed class RowFields
    {
        private readonly AdReader _reader;
        private readonly string?[] _known;
        private readonly bool[] _set;

        public RowFields(AdReader reader)
        {
            _reader = reader;
            _known = new string?[reader._slots.Count];
            _set = new bool[reader._slots.Count];
        }

        /// <summary>The columns no schema field is read from, with their values (null for a JSON null), as a dictionary
        /// ignoring case would hold them: the first spelling of a name, its last value.</summary>
        public Dictionary<string, string?>? Others { get; private set; }

        public string? Known(int slot) => _known[slot];

        public void Clear()
        {
            Array.Clear(_known);
            Array.Clear(_set);
            Others = null;
        }

        /// <summary>Sets a column's value; a later value of the same column (ignoring case) replaces an earlier one.</summary>
        public void Set(string name, string? value)
        {
            if (_reader._slots.TryGetValue(name, out var slot))
            {
                SetKnown(slot, value);
            }
            else
            {
                SetOther(name, value);
            }
        }

        /// <summary>Sets a column's value unless the row already has that column (ignoring case).</summary>
        public void TryAdd(string name, string? value)
        {
            if (_reader._slots.TryGetValue(name, out var slot))
            {
                if (!_set[slot])
                {
                    SetKnown(slot, value);
                }
            }
            else
            {
                (Others ??= new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)).TryAdd(name, value);
            }
        }

        public void SetKnown(int slot, string? value)
        {
            _known[slot] = value;
            _set[slot] = true;
        }

        public void SetOther(string name, string? value) =>
            (Others ??= new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase))[name] = value;
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

    private AdReadItem Build(RowFields fields, string raw, string fileName, int lineNo)
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
        if (fields.Others is { } others)
        {
            foreach (var (key, value) in others)
            {
                if (value is not null)
                {
                    extra ??= new SortedDictionary<string, string>(StringComparer.Ordinal);
                    extra[key] = value;
                }
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
