using System.Reflection;
using AngleSharp.Dom;

namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>The site profiles in use: the built-in ones and any loaded from files; picks the one for a page.</summary>
public sealed class SiteProfiles
{
    // Issue #21: parsing the built-in profiles (YAML, each selector checked by AngleSharp) was 12 % of the CPU of a 10,000-ad
    // JSON Lines ingest, which reads no page; the set is now made on its first use.
    private static readonly Lazy<IReadOnlyList<SiteProfile>> s_builtIn = new(LoadBuiltIn);
    private static readonly SiteProfiles s_default = new(() => BuiltIn);
    private readonly Lazy<List<SiteProfile>> _profiles;

    /// <summary>Creates a set from profiles; later ones win for the same host.</summary>
    public SiteProfiles(IEnumerable<SiteProfile> profiles)
    {
        List<SiteProfile> list = [.. profiles.Reverse()];
        _profiles = new(list);
    }

    /// <summary>A set made from <paramref name="profiles"/> on its first use; later ones win for the same host.</summary>
    private SiteProfiles(Func<IEnumerable<SiteProfile>> profiles) => _profiles = new(() => [.. profiles().Reverse()]);

    /// <summary>The profiles, the ones that win first.</summary>
    public IReadOnlyList<SiteProfile> All => _profiles.Value;

    /// <summary>The profiles shipped with netan (the generator's two sites and a Backpage-like layout); parsed on first use.</summary>
    public static IReadOnlyList<SiteProfile> BuiltIn => s_builtIn.Value;

    /// <summary>The built-in profiles plus the YAML files (<c>*.yaml</c>, <c>*.yml</c>) of <paramref name="folderOrFile"/>.</summary>
    /// <remarks>The files are read and checked here; the built-in profiles are parsed only when a page needs a profile.</remarks>
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

        return extra.Count == 0 ? Default : new SiteProfiles(() => [.. BuiltIn, .. extra]);
    }

    /// <summary>The built-in profiles only.</summary>
    public static SiteProfiles Default => s_default;

    /// <summary>The profile for a page: by the URL's host, else by each profile's <c>detect</c> selector; null for the generic reader.</summary>
    public SiteProfile? For(string? url, IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var byHost = All.FirstOrDefault(p => p.MatchesHost(uri.Host));
            if (byHost is not null)
            {
                return byHost;
            }
        }

        return All.FirstOrDefault(p => p.Detect is { } d && document.QuerySelector(d) is not null);
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
