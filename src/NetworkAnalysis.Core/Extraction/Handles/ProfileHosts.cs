using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Handles;

/// <summary>Hosts whose URLs name a profile, and where in the path the handle sits.</summary>
/// <param name="Type">The identifier type.</param>
/// <param name="PathPrefix">Path segment(s) before the handle ("add/" for snapchat.com/add/name), or empty.</param>
internal sealed record ProfileHost(EntityType Type, string PathPrefix);

/// <summary>Profile URL hosts of the supported platforms.</summary>
internal static class ProfileHosts
{
    public static readonly FrozenDictionary<string, ProfileHost> ByHost = new Dictionary<string, ProfileHost>(StringComparer.OrdinalIgnoreCase)
    {
        ["snapchat.com"] = new(EntityType.Snapchat, "add/"),
        ["instagram.com"] = new(EntityType.Instagram, ""), ["instagr.am"] = new(EntityType.Instagram, ""),
        ["t.me"] = new(EntityType.Telegram, ""), ["telegram.me"] = new(EntityType.Telegram, ""), ["telegram.dog"] = new(EntityType.Telegram, ""),
        ["wa.me"] = new(EntityType.Whatsapp, ""),
        ["kik.me"] = new(EntityType.Kik, ""),
        ["twitter.com"] = new(EntityType.Twitter, ""), ["x.com"] = new(EntityType.Twitter, ""),
        ["onlyfans.com"] = new(EntityType.Onlyfans, ""),
        ["line.me"] = new(EntityType.Line, "ti/p/~"),
        ["venmo.com"] = new(EntityType.Venmo, "u/"), ["account.venmo.com"] = new(EntityType.Venmo, "u/"),
        ["paypal.me"] = new(EntityType.Paypal, ""), ["paypal.com"] = new(EntityType.Paypal, "paypalme/"),
        ["cash.app"] = new(EntityType.Cashtag, ""), ["cash.me"] = new(EntityType.Cashtag, ""),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
