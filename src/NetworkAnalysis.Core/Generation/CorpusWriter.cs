using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Generation;

/// <summary>Writes a generated corpus as <c>ads.jsonl</c> and its ground truth as <c>truth.csv</c>.</summary>
public static class CorpusWriter
{
    // A data file, never embedded in HTML: keep apostrophes and ampersands readable.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one JSON object per ad, in the documented input schema.</summary>
    /// <param name="ads">The corpus.</param>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="imagePaths">
    /// Write the ads' <c>images</c> paths: only when the photo files exist beside the ads file (<c>generate --images</c>).
    /// Otherwise only the precomputed <c>image_hashes</c> are written, so ingest has no missing files to report.
    /// </param>
    public static void WriteJsonLines(IEnumerable<GeneratedAd> ads, TextWriter writer, bool imagePaths = false)
    {
        ArgumentNullException.ThrowIfNull(ads);
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        foreach (var g in ads)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                WriteAd(json, imagePaths ? g.Ad : g.Ad with { Images = [] });
            }

            writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            writer.Write('\n');
        }
    }

    /// <summary>Writes <c>ad_id,group_id,group_kind</c> rows.</summary>
    public static void WriteTruth(IEnumerable<GeneratedAd> ads, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(ads);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("ad_id,group_id,group_kind\n");
        foreach (var g in ads)
        {
            writer.Write($"{g.Ad.Id},{g.GroupId},{g.GroupKind}\n");
        }
    }

    private static void WriteAd(Utf8JsonWriter json, Ad ad)
    {
        json.WriteStartObject();
        json.WriteString(AdFields.Id, ad.Id);
        json.WriteString(AdFields.Site, ad.Site);
        if (ad.PostedAt is { } posted)
        {
            json.WriteString(AdFields.PostedAt, posted.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }

        WriteOptional(json, AdFields.City, ad.City);
        WriteOptional(json, AdFields.Region, ad.Region);
        WriteOptional(json, AdFields.Country, ad.Country);
        WriteOptional(json, AdFields.Title, ad.Title);
        WriteOptional(json, AdFields.Body, ad.Body);
        WriteOptional(json, AdFields.Poster, ad.Poster);
        if (ad.Images.Count > 0)
        {
            json.WriteString(AdFields.Images, string.Join(';', ad.Images));
        }

        if (ad.ImageHashes.Count > 0)
        {
            json.WriteString(AdFields.ImageHashes, string.Join(';', ad.ImageHashes));
        }

        if (ad.Price is { } price)
        {
            json.WriteNumber(AdFields.Price, price);
        }

        if (ad.Age is { } age)
        {
            json.WriteNumber(AdFields.Age, age);
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
