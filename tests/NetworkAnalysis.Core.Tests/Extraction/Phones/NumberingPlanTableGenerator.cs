using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NetworkAnalysis.Core.Tests.Extraction.Phones;

/// <summary>Derives the compact numbering-plan table embedded in Core from libphonenumber's PhoneNumberMetadata.xml.</summary>
/// <remarks>
/// One line per territory, tab-separated: region, country code, international prefix (regex), national prefix,
/// national prefix for parsing (regex), main-country flag, and the union of every number type's national number
/// pattern (a number is valid when it fully matches). Whitespace inside patterns is removed; nothing else changes.
/// Regenerate with NETAN_REGENERATE_NUMBERING_PLAN=1 and the NumberingPlanTableTests.
/// </remarks>
internal static partial class NumberingPlanTableGenerator
{
    public const string RelativeTablePath = "src/NetworkAnalysis.Core/Extraction/Phones/NumberingPlan.tsv";

    private static readonly string[] NumberTypes =
        ["fixedLine", "mobile", "tollFree", "premiumRate", "sharedCost", "personalNumber", "voip", "pager", "uan", "voicemail"];

    public static string Generate(string metadataXmlPath)
    {
        var doc = XDocument.Load(metadataXmlPath);
        var sb = new StringBuilder();
        sb.Append("# Derived from google/libphonenumber resources/PhoneNumberMetadata.xml (Apache-2.0) by NumberingPlanTableGenerator.\n");
        sb.Append("# region\tcountry code\tinternational prefix\tnational prefix\tnational prefix for parsing\tmain\tvalid national number pattern\n");
        foreach (var territory in doc.Descendants("territory"))
        {
            var patterns = new List<string>();
            foreach (var type in NumberTypes)
            {
                var pattern = territory.Element(type)?.Element("nationalNumberPattern")?.Value;
                if (pattern is not null)
                {
                    patterns.Add(Squeeze(pattern));
                }
            }

            if (patterns.Count == 0)
            {
                continue;
            }

            sb.Append((string?)territory.Attribute("id")).Append('\t')
              .Append((string?)territory.Attribute("countryCode")).Append('\t')
              .Append(Squeeze((string?)territory.Attribute("internationalPrefix") ?? "")).Append('\t')
              .Append((string?)territory.Attribute("nationalPrefix") ?? "").Append('\t')
              .Append(Squeeze((string?)territory.Attribute("nationalPrefixForParsing") ?? "")).Append('\t')
              .Append((string?)territory.Attribute("mainCountryForCode") == "true" ? '1' : '0').Append('\t')
              .Append(string.Join('|', patterns.Distinct(StringComparer.Ordinal)))
              .Append('\n');
        }

        return sb.ToString();
    }

    private static string Squeeze(string pattern) => Whitespace().Replace(pattern, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
