using System.Text.Json.Nodes;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Core.Risk;
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

    /// <summary>The cluster's distinct phones with the number of ads each is in, most used first.</summary>
    public static IReadOnlyList<(PhoneNumberDetails Details, int Ads)> Of(RiskCluster? cluster) =>
        (cluster?.Ads ?? [])
            .SelectMany(a => a.Entities.Where(e => e.Type == EntityType.Phone).Select(e => e.Value).Distinct(StringComparer.Ordinal))
            .GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => (Details: PhoneNumberDetails.Describe(g.Key), Ads: g.Count()))
            .Where(p => p.Details is not null)
            .OrderByDescending(p => p.Ads).ThenBy(p => p.Details!.E164, StringComparer.Ordinal)
            .Select(p => (p.Details!, p.Ads))
            .ToList();

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
        console.MarkupLine($"[bold]Phones[/] [dim](region and type from libphonenumber-csharp {Markup.Escape(PhoneNumberDetails.MetadataVersion)})[/]");
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
