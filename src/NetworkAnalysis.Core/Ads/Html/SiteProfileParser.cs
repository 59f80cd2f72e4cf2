using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>Parses a site profile from YAML, checking every selector and pattern, with file:line in each error.</summary>
/// <remarks>
/// A field is a selector (<c>title: h1.title</c>) or a mapping with <c>selector</c>, <c>attribute</c>, <c>regex</c>,
/// <c>format</c> (posted date) and <c>from: url</c> (apply the regex to the page URL). See docs/ingest.md.
/// </remarks>
public static class SiteProfileParser
{
    private static readonly string[] FieldNames = ["ad_id", "title", "body", "posted", "city", "region", "country", "age", "price", "poster", "photos"];
    private static readonly string[] TopNames = ["name", "site", "hosts", "detect", "image_hosts", "tracking_parameters", .. FieldNames];

    /// <summary>Parses one profile.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">Name used in errors.</param>
    /// <exception cref="FormatException">The YAML is malformed or names an unknown key, a bad selector or a bad pattern.</exception>
    public static SiteProfile Parse(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{fileName}:{ex.Start.Line}: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{fileName}:1: a site profile is a mapping (name:, hosts:, title:, ...)");
        }

        string? name = null, site = null, detect = null;
        List<string> hosts = [], tracking = [];
        List<ImageHostRule> imageHosts = [];
        var fields = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var at = $"{fileName}:{keyNode.Start.Line}";
            switch (key)
            {
                case "name": name = Scalar(value, at, key); break;
                case "site": site = Scalar(value, at, key); break;
                case "detect": detect = CheckSelector(Scalar(value, at, key), at, key); break;
                case "hosts": hosts = List(value, at, key).Select(h => h.ToLowerInvariant()).ToList(); break;
                case "tracking_parameters": tracking = List(value, at, key); break;
                case "image_hosts": imageHosts = ImageHosts(value, at); break;
                default:
                    if (!FieldNames.Contains(key))
                    {
                        throw new FormatException($"{at}: unknown key '{key}'; known keys: {string.Join(", ", TopNames)}");
                    }

                    fields[key] = Field(value, at, key);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException($"{fileName}:1: the profile has no 'name'");
        }

        return new SiteProfile
        {
            Name = name, Site = site, Hosts = hosts, Detect = detect, ImageHosts = imageHosts, TrackingParameters = tracking,
            AdId = fields.GetValueOrDefault("ad_id"), Title = fields.GetValueOrDefault("title"), Body = fields.GetValueOrDefault("body"),
            Posted = fields.GetValueOrDefault("posted"), City = fields.GetValueOrDefault("city"), Region = fields.GetValueOrDefault("region"),
            Country = fields.GetValueOrDefault("country"), Age = fields.GetValueOrDefault("age"), Price = fields.GetValueOrDefault("price"),
            Poster = fields.GetValueOrDefault("poster"), Photos = fields.GetValueOrDefault("photos"),
        };
    }

    /// <summary>Reads and parses a profile file.</summary>
    /// <exception cref="FormatException">The file is unreadable or the profile invalid.</exception>
    public static SiteProfile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot read the profile: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    private static string Scalar(YamlNode node, string at, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw new FormatException($"{at}: '{key}' must be a single value");

    private static List<string> List(YamlNode node, string at, string key) => node switch
    {
        YamlScalarNode { Value: { } v } => [v],
        YamlSequenceNode seq => seq.Children.Select(c => Scalar(c, at, key)).ToList(),
        _ => throw new FormatException($"{at}: '{key}' must be a value or a list"),
    };

    private static List<ImageHostRule> ImageHosts(YamlNode node, string at)
    {
        if (node is not YamlSequenceNode seq)
        {
            throw new FormatException($"{at}: 'image_hosts' must be a list of mappings (host:, size_suffix:, drop_query:)");
        }

        var rules = new List<ImageHostRule>();
        foreach (var item in seq.Children)
        {
            var itemAt = at[..at.LastIndexOf(':')] + ":" + item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                throw new FormatException($"{itemAt}: each image host is a mapping (host:, size_suffix:, drop_query:)");
            }

            string? host = null, suffix = null;
            var dropQuery = false;
            foreach (var (k, v) in map.Children)
            {
                var key = ((YamlScalarNode)k).Value;
                switch (key)
                {
                    case "host": host = Scalar(v, itemAt, "host").ToLowerInvariant(); break;
                    case "size_suffix": suffix = CheckRegex(Scalar(v, itemAt, "size_suffix"), itemAt, "size_suffix"); break;
                    case "drop_query":
                        dropQuery = Scalar(v, itemAt, "drop_query") is "true" or "yes"
                            || (Scalar(v, itemAt, "drop_query") is not ("false" or "no") ? throw new FormatException($"{itemAt}: 'drop_query' must be true or false") : false);
                        break;
                    default: throw new FormatException($"{itemAt}: unknown key '{key}' in image_hosts (host, size_suffix, drop_query)");
                }
            }

            rules.Add(new ImageHostRule(host ?? throw new FormatException($"{itemAt}: an image host needs 'host'"), suffix, dropQuery));
        }

        return rules;
    }

    private static FieldRule Field(YamlNode node, string at, string key)
    {
        if (node is YamlScalarNode { Value: { } selector })
        {
            return new FieldRule(CheckSelector(selector, at, key));
        }

        if (node is not YamlMappingNode map)
        {
            throw new FormatException($"{at}: '{key}' must be a selector or a mapping (selector:, attribute:, regex:, format:, from:)");
        }

        string? sel = null, attribute = null, regex = null, format = null;
        var fromUrl = false;
        foreach (var (k, v) in map.Children)
        {
            var sub = ((YamlScalarNode)k).Value;
            var value = Scalar(v, at, key + "." + sub);
            switch (sub)
            {
                case "selector": sel = CheckSelector(value, at, key); break;
                case "attribute": attribute = value; break;
                case "regex": regex = CheckRegex(value, at, key); break;
                case "format": format = value; break;
                case "from":
                    fromUrl = value == "url" ? true
                        : value == "page" ? false
                        : throw new FormatException($"{at}: '{key}.from' must be 'url' or 'page'");
                    break;
                default: throw new FormatException($"{at}: unknown key '{sub}' in '{key}' (selector, attribute, regex, format, from)");
            }
        }

        if (sel is null && regex is null)
        {
            throw new FormatException($"{at}: '{key}' needs a selector or a regex");
        }

        return new FieldRule(sel, attribute, regex, format, fromUrl);
    }

    private static string CheckSelector(string selector, string at, string key)
    {
        try
        {
            var document = new HtmlParser().ParseDocument("<html></html>");
            document.QuerySelector(selector);
            return selector;
        }
        catch (Exception ex) when (ex is AngleSharp.Dom.DomException or ArgumentException)
        {
            throw new FormatException($"{at}: '{key}': '{selector}' is not a CSS selector ({ex.Message})", ex);
        }
    }

    private static string CheckRegex(string pattern, string at, string key)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"{at}: '{key}': '{pattern}' is not a valid pattern ({ex.Message})", ex);
        }
    }
}
