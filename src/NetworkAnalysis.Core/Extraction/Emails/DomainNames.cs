using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>Top-level domains and mail providers the obfuscated-form scanners accept.</summary>
internal static class DomainNames
{
    /// <summary>Common top-level domains (generic and the country codes seen in ads).</summary>
    public static readonly FrozenSet<string> KnownTlds = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "me", "tv", "xyz", "online", "site", "club",
        "app", "dev", "live", "life", "love", "vip", "top", "pro", "name", "mobi", "asia", "cc", "ws", "to", "ly", "fm", "gg",
        "us", "uk", "ca", "au", "nz", "ie", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt",
        "ru", "ua", "cz", "hu", "ro", "gr", "tr", "mx", "br", "ar", "cl", "pe", "ve", "in", "cn", "jp", "kr", "tw", "hk", "sg",
        "my", "th", "vn", "ph", "id", "za", "ng", "ke", "ae", "il", "email", "space", "store", "shop", "website", "link", "page",
        "blog", "fun", "icu", "onion", "example", "test", "invalid", "localhost", "sexy", "xxx", "porn", "adult", "dating", "chat");

    /// <summary>Mail providers whose domain posters often write without the TLD ("mia at gmail").</summary>
    public static readonly FrozenDictionary<string, string> Providers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["gmail"] = "gmail.com", ["googlemail"] = "googlemail.com", ["yahoo"] = "yahoo.com", ["hotmail"] = "hotmail.com",
        ["outlook"] = "outlook.com", ["aol"] = "aol.com", ["icloud"] = "icloud.com", ["protonmail"] = "protonmail.com",
        ["proton"] = "proton.me", ["ymail"] = "ymail.com", ["live"] = "live.com", ["msn"] = "msn.com", ["gmx"] = "gmx.com",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TldLookup = KnownTlds.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ProviderLookup =
        Providers.GetAlternateLookup<ReadOnlySpan<char>>();
}
