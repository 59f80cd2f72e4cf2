using System.Reflection;
using AngleSharp.Dom;

namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>The site profiles in use: the built-in ones and any loaded from files; picks the one for a page.</summary>
public sealed class SiteProfiles
{
    private readonly List<SiteProfile> _profiles;

    /// <summary>Creates a set from profiles; later ones win for the same host.</summary>
    public SiteProfiles(IEnumerable<SiteProfile> profiles) => _profiles = [.. profiles.Reverse()];

    /// <summary>The profiles, the ones that win first.</summary>
    public IReadOnlyList<SiteProfile> All => _profiles;

    /// <summary>The profiles shipped with netan (the generator's two sites and a Backpage-like layout).</summary>
    public static IReadOnlyList<SiteProfile> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The built-in profiles plus the YAML files (<c>*.yaml</c>, <c>*.yml</c>) of <paramref name="folderOrFile"/>.</summary>
    /// <exception cref="FormatException">A profile file is invalid.</exception>
    public static SiteProfiles Load(string? folderOrFile)
    {
        var extra = new List<SiteProfile>();
        if (folderOrFile is not null)
        {
            if (Directory.Exists(folderOrFile))
            {
                extra.AddRange(Directory.EnumerateFiles(folderOrFile)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).Select(SiteProfileParser.Load));
            }
            else if (File.Exists(folderOrFile))
            {
                extra.Add(SiteProfileParser.Load(folderOrFile));
            }
            else
            {
                throw new FormatException($"{folderOrFile}: no such profile file or folder");
            }
        }

        return new SiteProfiles([.. BuiltIn, .. extra]);
    }

    /// <summary>The built-in profiles only.</summary>
    public static SiteProfiles Default { get; } = new(BuiltIn);

    /// <summary>The profile for a page: by the URL's host, else by each profile's <c>detect</c> selector; null for the generic reader.</summary>
    public SiteProfile? For(string? url, IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var byHost = _profiles.FirstOrDefault(p => p.MatchesHost(uri.Host));
            if (byHost is not null)
            {
                return byHost;
            }
        }

        return _profiles.FirstOrDefault(p => p.Detect is { } d && document.QuerySelector(d) is not null);
    }

    private static List<SiteProfile> LoadBuiltIn()
    {
        var assembly = typeof(SiteProfiles).Assembly;
        const string prefix = "NetworkAnalysis.Core.Ads.Html.Profiles.";
        var profiles = new List<SiteProfile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            profiles.Add(SiteProfileParser.Parse(reader.ReadToEnd(), "built-in " + name[prefix.Length..]));
        }

        return profiles;
    }
}
