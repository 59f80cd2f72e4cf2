using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Handles;

/// <summary>A label word that announces an identifier ("snap:", "venmo", "cash app").</summary>
/// <param name="Type">The identifier type it announces.</param>
/// <param name="Strict">Whether the label is an ordinary word or abbreviation that needs ':', '-', '=' or '@' after it.</param>
/// <param name="SecondWord">A word that must follow ("app" after "cash"), or null.</param>
internal sealed record HandleLabel(EntityType Type, bool Strict, string? SecondWord = null);

/// <summary>Label words, handle syntax and the words that are never handles.</summary>
internal static class HandleRules
{
    public static readonly FrozenDictionary<string, HandleLabel[]> Labels = new Dictionary<string, HandleLabel[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["snap"] = [new(EntityType.Snapchat, false)], ["snapchat"] = [new(EntityType.Snapchat, false)], ["sc"] = [new(EntityType.Snapchat, true)],
        ["ig"] = [new(EntityType.Instagram, false)], ["insta"] = [new(EntityType.Instagram, false)], ["instagram"] = [new(EntityType.Instagram, false)],
        ["gram"] = [new(EntityType.Instagram, true)],
        ["telegram"] = [new(EntityType.Telegram, false)], ["tg"] = [new(EntityType.Telegram, true)], ["tele"] = [new(EntityType.Telegram, true)],
        ["whatsapp"] = [new(EntityType.Whatsapp, false)], ["wa"] = [new(EntityType.Whatsapp, true)], ["whats"] = [new(EntityType.Whatsapp, false, "app")],
        ["kik"] = [new(EntityType.Kik, false)],
        ["twitter"] = [new(EntityType.Twitter, false)], ["x"] = [new(EntityType.Twitter, true)],
        ["onlyfans"] = [new(EntityType.Onlyfans, false)], ["of"] = [new(EntityType.Onlyfans, true)], ["only"] = [new(EntityType.Onlyfans, false, "fans")],
        ["wechat"] = [new(EntityType.Wechat, false)], ["weixin"] = [new(EntityType.Wechat, false)], ["wx"] = [new(EntityType.Wechat, true)],
        ["line"] = [new(EntityType.Line, true)],
        ["venmo"] = [new(EntityType.Venmo, false)],
        ["paypal"] = [new(EntityType.Paypal, false)], ["pp"] = [new(EntityType.Paypal, true)],
        ["zelle"] = [new(EntityType.Zelle, false)],
        ["cashapp"] = [new(EntityType.Cashtag, false)], ["cash"] = [new(EntityType.Cashtag, false, "app")],
        ["apple"] = [new(EntityType.AppleCash, false, "pay"), new(EntityType.AppleCash, false, "cash")],
        ["applepay"] = [new(EntityType.AppleCash, false)], ["applecash"] = [new(EntityType.AppleCash, false)],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, HandleLabel[]>.AlternateLookup<ReadOnlySpan<char>> LabelLookup =
        Labels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that may sit between a label and its handle ("add me on snap: ...", "line id: ...").</summary>
    public static readonly FrozenSet<string> Fillers = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "me", "is", "id", "on", "my", "username", "user", "handle", "name", "account", "acct", "via", "at", "add", "app", "tag", "pay", "cash");

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = Fillers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that follow a label in ordinary sentences and are never handles.</summary>
    public static readonly FrozenSet<string> NotHandles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "me", "my", "you", "your", "for", "and", "or", "the", "only", "is", "at", "on", "in", "to", "with", "available", "here", "now",
        "please", "pls", "plz", "add", "follow", "dm", "message", "msg", "text", "call", "snap", "snapchat", "insta", "instagram", "kik",
        "telegram", "whatsapp", "twitter", "venmo", "paypal", "zelle", "cash", "app", "cashapp", "id", "name", "no", "yes", "if", "we",
        "i", "a", "an", "of", "so", "it", "ok", "accepted", "accept", "welcome", "too", "also", "friendly", "preferred", "deposit",
        "deposits", "payment", "payments", "pay", "up", "up!", "course", "cours", "fans", "onlyfans", "tg", "ig", "sc", "user", "handle",
        "username", "account", "this", "that", "not", "but", "as", "be", "are", "was", "will", "can", "just", "line", "chat", "wechat",
        "first", "then", "after", "before", "today", "tonight", "video", "videos", "pics", "photos", "content", "link", "bio", "below",
        "above", "same", "again", "ready", "fun", "time", "sweet", "sexy", "hot", "baby", "babe", "daddy", "real", "verified",
        "shenanigans", "stories", "story", "streaks", "streak", "filters", "filter", "premium", "private", "friends", "friend", "fans",
        "followers", "likes", "posts", "updates", "vip", "game", "games", "lover", "lovers", "girl", "girls", "queen", "goddess",
        "exclusive", "free", "sub", "subscribe", "subscription", "live", "streams", "stream", "nudes", "selfies", "dms");

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotHandleLookup = NotHandles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Length bounds of a handle for each type (platform username rules).</summary>
    /// <remarks>Snapchat 3-15, Instagram 1-30, Telegram 5-32, Kik 2-20, WeChat 6-20, X/Twitter 1-15 (the platforms'
    /// published rules); LINE IDs up to 20; the others are bounds seen in practice.</remarks>
    public static (int Min, int Max) Length(EntityType type) => type switch
    {
        EntityType.Snapchat => (3, 15),
        EntityType.Instagram => (1, 30),
        EntityType.Telegram => (5, 32),
        EntityType.Kik => (2, 20),
        EntityType.Twitter => (1, 15),
        EntityType.Onlyfans => (3, 30),
        EntityType.Wechat => (6, 20),
        EntityType.Line => (3, 20),
        EntityType.Venmo => (4, 30),
        EntityType.Cashtag => (1, 20),
        EntityType.Paypal => (3, 30),
        _ => (3, 30),
    };

    /// <summary>Whether <paramref name="c"/> may appear inside a handle of <paramref name="type"/>.</summary>
    /// <remarks>Telegram and X [a-z0-9_]; Instagram and Kik [a-z0-9._]; WeChat [a-z0-9_-]; Snapchat and LINE [a-z0-9._-].</remarks>
    public static bool IsHandleChar(EntityType type, char c) => type switch
    {
        EntityType.Telegram or EntityType.Twitter or EntityType.Onlyfans => char.IsAsciiLetterOrDigit(c) || c == '_',
        EntityType.Instagram or EntityType.Kik => char.IsAsciiLetterOrDigit(c) || c is '_' or '.',
        EntityType.Cashtag or EntityType.Venmo or EntityType.Wechat => char.IsAsciiLetterOrDigit(c) || c is '_' or '-',
        _ => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-',
    };

    /// <summary>Whether a handle of <paramref name="type"/> must start with a letter (Snapchat, Telegram, WeChat).</summary>
    public static bool StartsWithLetter(EntityType type) => type is EntityType.Snapchat or EntityType.Telegram or EntityType.Wechat;
}
