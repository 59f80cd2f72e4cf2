using System.Text.Json.Nodes;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary>Region and number type of a cluster's phones (libphonenumber's offline geocoder), for <c>show</c> and <c>lookup</c>.</summary>
internal static class PhoneDetailsView
{
    /// <summary>"Nevada (US), fixed line or mobile": the geocoded place, region and type of one number.</summary>
    public static string Summary(PhoneNumberDetails d)
    {
        var place = d.Location.Length == 0 ? d.Region : d.Location == d.Region ? d.Location : $"{d.Location} ({d.Region})";
        return (place.Length == 0 ? "region unknown" : place) + ", " + d.Type;
    }

    /// <summary>The cluster's distinct phones with the number of ads each is in, most used first, with the details the case
    /// stores (see <see cref="CaseStore.PhoneDetails"/>).</summary>
    public static IReadOnlyList<(PhoneNumberDetails Details, int Ads)> Of(CaseStore store, RiskCluster? cluster)
    {
        var counts = (cluster?.Ads ?? [])
            .SelectMany(a => a.Entities.Where(e => e.Type == EntityType.Phone).Select(e => e.Value).Distinct(StringComparer.Ordinal))
            .GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var details = store.PhoneDetails(counts.Keys);
        return counts.Where(c => details.ContainsKey(c.Key))
            .Select(c => (Details: details[c.Key], Ads: c.Value))
            .OrderByDescending(p => p.Ads).ThenBy(p => p.Details.E164, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"libphonenumber-csharp 9.0.43": the metadata version(s) that produced <paramref name="phones"/>' details.</summary>
    public static string Metadata(IEnumerable<PhoneNumberDetails> phones) =>
        "libphonenumber-csharp " + string.Join(", ", phones.Select(p => p.Metadata).DefaultIfEmpty(PhoneNumberDetails.MetadataVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>Says once, on standard error, that a read-only case without stored phone details has them computed.</summary>
    public static void NoteIfComputed(CliContext ctx, CaseStore store)
    {
        if (store.PhoneDetailsNote is { } note)
        {
            ctx.Error.WriteLine("netan: note: " + LogText.Safe(note, 600));
        }
    }

    /// <summary>The phones as JSON (numbers masked when redacting).</summary>
    public static JsonArray ToJson(IReadOnlyList<(PhoneNumberDetails Details, int Ads)> phones, bool redact) =>
        new(phones.Select(p => (JsonNode)new JsonObject
        {
            ["number"] = redact ? Redactor.Mask(p.Details.E164) : p.Details.E164,
            ["region"] = p.Details.Region,
            ["location"] = p.Details.Location,
            ["number_type"] = p.Details.Type,
            ["ads"] = p.Ads,
        }).ToArray());

    /// <summary>A table of the phones (numbers masked when redacting); nothing when the cluster has none.</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<(PhoneNumberDetails Details, int Ads)> phones, bool redact)
    {
        if (phones.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]Phones[/] [dim](region and type from {Markup.Escape(Metadata(phones.Select(p => p.Details)))})[/]");
        var table = new Table().Border(TableBorder.Simple).AddColumn("Number").AddColumn("Region").AddColumn("Type").AddColumn(new TableColumn("Ads").RightAligned());
        foreach (var (d, ads) in phones.Take(25))
        {
            var place = d.Location.Length == 0 ? d.Region : $"{d.Location} ({d.Region})";
            table.AddRow(Markup.Escape(LogText.Safe(redact ? Redactor.Mask(d.E164) : d.E164, 40)), Markup.Escape(LogText.Safe(place, 80)),
                Markup.Escape(d.Type), ads.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (phones.Count > 25)
        {
            console.MarkupLine($"[dim]… {phones.Count - 25} more phones[/]");
        }
    }
}
