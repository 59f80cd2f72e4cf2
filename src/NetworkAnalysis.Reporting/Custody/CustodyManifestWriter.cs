using System.Globalization;
using System.Text;
using System.Text.Json;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Custody;

/// <summary>Hashes output files and writes <c>manifest.json</c> and a <c>SHA256SUMS</c> file (checkable with <c>sha256sum -c</c>).</summary>
/// <remarks>The manifest is never embedded in a page, so it uses relaxed JSON escaping to stay readable.</remarks>
public static class CustodyManifestWriter
{
    /// <summary>Name of the JSON manifest.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>Name of the checksum list.</summary>
    public const string SumsName = "SHA256SUMS";

    /// <summary>Lists <paramref name="outputPaths"/> (hashing each) relative to <paramref name="directory"/>.</summary>
    public static IReadOnlyList<CustodyFile> Describe(string directory, IEnumerable<string> outputPaths) =>
        outputPaths.Select(p => new CustodyFile(
                Path.GetRelativePath(directory, p).Replace('\\', '/'), FileHashes.Sha256(p), new FileInfo(p).Length))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    /// <summary>Writes the manifest and checksum files into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(CustodyManifest manifest, string directory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        var manifestPath = Path.Combine(directory, ManifestName);
        using (var stream = new FileStream(manifestPath, FileMode.Create, FileAccess.Write))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("tool", manifest.Tool);
            w.WriteString("toolVersion", manifest.ToolVersion);
            w.WriteString("generatedAt", manifest.GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("action", Utf16.Scrub(manifest.Action));
            w.WriteString("analyst", Utf16.Scrub(manifest.Analyst));
            w.WriteString("notes", Utf16.Scrub(manifest.Notes));
            w.WriteStartObject("parameters");
            foreach (var (k, v) in manifest.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(Utf16.Scrub(k), Utf16.Scrub(v));
            }

            w.WriteEndObject();
            Files(w, "sources", manifest.Sources);
            Files(w, "outputs", manifest.Outputs);
            w.WriteEndObject();
        }

        var sumsPath = Path.Combine(directory, SumsName);
        var sb = new StringBuilder();
        foreach (var f in manifest.Outputs)
        {
            sb.Append(f.Sha256).Append("  ").Append(f.Path).Append('\n');
        }

        sb.Append(FileHashes.Sha256(manifestPath)).Append("  ").Append(ManifestName).Append('\n');
        File.WriteAllText(sumsPath, sb.ToString(), new UTF8Encoding(false));
        return [manifestPath, sumsPath];
    }

    private static void Files(Utf8JsonWriter w, string name, IReadOnlyList<CustodyFile> files)
    {
        w.WriteStartArray(name);
        foreach (var f in files)
        {
            w.WriteStartObject();
            w.WriteString("path", Utf16.Scrub(f.Path));
            w.WriteString("sha256", f.Sha256);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
