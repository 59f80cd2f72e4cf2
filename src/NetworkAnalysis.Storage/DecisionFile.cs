using System.Globalization;
using System.Text.Json;

namespace NetworkAnalysis.Storage;

/// <summary>
/// The decisions file (<c>netan decisions export</c> / <c>import</c>): a case's analyst decisions as JSON, by natural keys
/// (identifier <c>type:value</c>, ad keys, the cluster IDs they had), so another case built from the same inputs, or a
/// colleague's case, can take them.
/// </summary>
/// <remarks>
/// One object: <c>format</c> (<see cref="FormatName"/>), <c>version</c> (<see cref="Version"/>), <c>tool_version</c>,
/// <c>exported_at</c>, <c>case</c> (the source case's file name), <c>run</c> (its current clustering run) and
/// <c>decisions</c>: an array of {<c>id</c>, <c>kind</c>, <c>identifier</c>, <c>clusters</c>, <c>side_a</c>, <c>side_b</c>,
/// <c>who</c>, <c>at</c>, <c>why</c>, <c>run</c>, <c>undone_at</c>, <c>undone_by</c>}, oldest first.
/// </remarks>
public static class DecisionFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "netan-decisions";

    /// <summary>The version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="decisions"/> as a decisions file to <paramref name="stream"/>.</summary>
    /// <param name="stream">Where to.</param>
    /// <param name="decisions">The decisions, undone ones included.</param>
    /// <param name="sourceCase">The source case's name (a file name; no folder, so the file does not reveal paths).</param>
    /// <param name="run">The source case's current clustering run, if any.</param>
    /// <param name="exportedAt">When (UTC, ISO 8601).</param>
    public static void Write(Stream stream, IReadOnlyList<AnalystDecision> decisions, string sourceCase, long? run, string exportedAt)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(decisions);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteNumber("version", Version);
        w.WriteString("tool_version", CaseStore.ToolVersion);
        w.WriteString("exported_at", exportedAt);
        w.WriteString("case", sourceCase);
        Number(w, "run", run);
        w.WriteStartArray("decisions");
        foreach (var d in decisions)
        {
            w.WriteStartObject();
            w.WriteNumber("id", d.Id);
            w.WriteString("kind", d.KindName);
            if (d.Identifier is null)
            {
                w.WriteNull("identifier");
            }
            else
            {
                w.WriteString("identifier", d.Identifier);
            }

            Strings(w, "clusters", d.Clusters);
            Strings(w, "side_a", d.SideA);
            Strings(w, "side_b", d.SideB);
            w.WriteString("who", d.Who);
            w.WriteString("at", d.At);
            w.WriteString("why", d.Why);
            Number(w, "run", d.RunId);
            w.WriteString("undone_at", d.UndoneAt);
            w.WriteString("undone_by", d.UndoneBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');

        static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
        }

        static void Number(Utf8JsonWriter w, string name, long? value)
        {
            if (value is { } v)
            {
                w.WriteNumber(name, v);
            }
            else
            {
                w.WriteNull(name);
            }
        }
    }

    /// <summary>Reads a decisions file: its source case, and each entry with the decision it holds or the field that is wrong.</summary>
    /// <exception cref="CaseStoreException">The file is missing, is not JSON, or is not a decisions file of a known version (one line naming the file).</exception>
    internal static (string? SourceCase, long? SourceRun, IReadOnlyList<Entry> Entries) Read(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CaseStoreException($"{name}: cannot read the decisions file: {ex.Message}");
        }

        JsonDocument doc;
        try
        {
            // A file saved by a Windows editor may start with a UTF-8 byte order mark.
            var skip = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            doc = JsonDocument.Parse(bytes.AsMemory(skip));
        }
        catch (JsonException ex)
        {
            throw new CaseStoreException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: not a decisions file: malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}"));
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || format.GetString() != FormatName)
            {
                throw new CaseStoreException($"{name}: not a decisions file: the field 'format' must be \"{FormatName}\" (`netan decisions export` writes one)");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != Version)
            {
                throw new CaseStoreException(string.Create(CultureInfo.InvariantCulture, $"{name}: field 'version': this netan reads decisions files of version {Version} only"));
            }

            if (!root.TryGetProperty("decisions", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new CaseStoreException($"{name}: field 'decisions' must be an array");
            }

            var entries = list.EnumerateArray().Select((e, i) => Parse(e, i)).ToList();
            return (OptionalString(root, "case"), OptionalLong(root, "run"), entries);
        }
    }

    private static Entry Parse(JsonElement e, int index)
    {
        long? sourceId = e.ValueKind == JsonValueKind.Object ? OptionalLong(e, "id") : null;
        try
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new DecisionFieldException("", "is not an object");
            }

            var kindName = RequiredString(e, "kind");
            if (!AnalystDecision.TryParseKind(kindName, out var kind))
            {
                throw new DecisionFieldException("kind", $"'{kindName}' is not one of hub, never-hub, merge, split, not-same");
            }

            var at = RequiredString(e, "at");
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                throw new DecisionFieldException("at", $"'{at}' is not an ISO 8601 time");
            }

            var d = new AnalystDecision(sourceId ?? 0, kind, RequiredString(e, "who"), at, RequiredString(e, "why"), OptionalLong(e, "run"))
            {
                Identifier = kind is DecisionKind.Hub or DecisionKind.NeverHub ? RequiredString(e, "identifier") : null,
                Clusters = StringArray(e, "clusters", required: false),
                SideA = kind is DecisionKind.Hub or DecisionKind.NeverHub ? [] : StringArray(e, "side_a", required: true),
                SideB = kind is DecisionKind.Hub or DecisionKind.NeverHub ? [] : StringArray(e, "side_b", required: true),
                UndoneAt = OptionalString(e, "undone_at"),
                UndoneBy = OptionalString(e, "undone_by"),
            };
            if (d.UndoneAt is not null && string.IsNullOrWhiteSpace(d.UndoneBy))
            {
                throw new DecisionFieldException("undone_by", "is missing while 'undone_at' is set");
            }

            return new Entry(index, sourceId, d, null, null);
        }
        catch (DecisionFieldException ex)
        {
            return new Entry(index, sourceId, null, ex.Field, ex.Message);
        }
    }

    private static string RequiredString(JsonElement e, string field) =>
        e.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString())
            ? p.GetString()!
            : throw new DecisionFieldException(field, "is missing or empty");

    private static string? OptionalString(JsonElement e, string field) =>
        e.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString()) ? p.GetString() : null;

    private static long? OptionalLong(JsonElement e, string field) =>
        e.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var v) ? v : null;

    private static string[] StringArray(JsonElement e, string field, bool required)
    {
        if (!e.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new DecisionFieldException(field, "is missing") : [];
        }

        if (p.ValueKind != JsonValueKind.Array)
        {
            throw new DecisionFieldException(field, "must be an array of strings");
        }

        var values = new List<string>();
        var i = 0;
        foreach (var item in p.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new DecisionFieldException(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), "must be a non-empty string");
            }

            values.Add(item.GetString()!);
            i++;
        }

        return required && values.Count == 0 ? throw new DecisionFieldException(field, "names no ad") : [.. values];
    }

    /// <summary>One entry of the file: the decision it holds, or the field that is wrong and why.</summary>
    internal sealed record Entry(int Index, long? SourceId, AnalystDecision? Decision, string? Field, string? Problem);
}
