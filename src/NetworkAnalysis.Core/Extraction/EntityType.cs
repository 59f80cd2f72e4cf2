namespace NetworkAnalysis.Core.Extraction;

/// <summary>Kinds of identifier that can link ads.</summary>
/// <remarks>The lowercase names (<see cref="EntityTypeNames"/>) are a stable wire format read by other tools.</remarks>
public enum EntityType
{
    /// <summary>A telephone number in E.164 form.</summary>
    Phone,

    /// <summary>An e-mail address (canonical linking form).</summary>
    Email,

    /// <summary>A Cash App $cashtag.</summary>
    Cashtag,

    /// <summary>A Venmo handle.</summary>
    Venmo,

    /// <summary>A PayPal.me handle or PayPal e-mail.</summary>
    Paypal,

    /// <summary>A Zelle recipient (phone or e-mail).</summary>
    Zelle,

    /// <summary>A Bitcoin address.</summary>
    Btc,

    /// <summary>An Ethereum address.</summary>
    Eth,

    /// <summary>A USDT-TRC20 (Tron) address.</summary>
    Usdt,

    /// <summary>A Snapchat handle.</summary>
    Snapchat,

    /// <summary>An Instagram handle.</summary>
    Instagram,

    /// <summary>A Telegram handle.</summary>
    Telegram,

    /// <summary>A WhatsApp number or handle.</summary>
    Whatsapp,

    /// <summary>A Kik handle.</summary>
    Kik,

    /// <summary>An X/Twitter handle.</summary>
    Twitter,

    /// <summary>An OnlyFans handle.</summary>
    Onlyfans,

    /// <summary>A WeChat ID.</summary>
    Wechat,

    /// <summary>A LINE ID.</summary>
    Line,

    /// <summary>A URL or bare domain.</summary>
    Url,

    /// <summary>The site account that posted the ad.</summary>
    Poster,

    /// <summary>An exact image, by SHA-256 of its bytes.</summary>
    Image,

    /// <summary>An Apple Cash recipient (phone or e-mail).</summary>
    AppleCash,
}

/// <summary>Stable lowercase names of <see cref="EntityType"/> values.</summary>
public static class EntityTypeNames
{
    private static readonly string[] Names = Enum.GetValues<EntityType>().Select(ToNameSlow).ToArray();
    private static readonly Dictionary<string, EntityType> ByName =
        Enum.GetValues<EntityType>().ToDictionary(ToNameSlow, t => t, StringComparer.OrdinalIgnoreCase);

    /// <summary>The lowercase wire name (<c>phone</c>, <c>applecash</c>, …).</summary>
    public static string ToName(this EntityType type) => Names[(int)type];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string name, out EntityType type) => ByName.TryGetValue(name, out type);

    /// <summary>Whether a shared value of this type is a strong link between ads.</summary>
    /// <remarks>URLs are evidence but too often shared by unrelated posters (site links) to link on their own.</remarks>
    public static bool IsStrongLink(this EntityType type) => type != EntityType.Url;

    private static string ToNameSlow(EntityType t) => t.ToString().ToLowerInvariant();
}
