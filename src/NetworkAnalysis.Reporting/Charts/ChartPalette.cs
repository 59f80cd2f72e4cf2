namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Colours used by every chart, chosen to stay distinguishable for common colour-vision deficiencies.</summary>
public static class ChartPalette
{
    /// <summary>Colour of ad nodes.</summary>
    public const string Ad = "#4c6ef5";

    /// <summary>Categorical colours, cycled by index.</summary>
    public static IReadOnlyList<string> Categorical { get; } =
    [
        "#e8590c", "#2b8a3e", "#c2255c", "#1098ad", "#f59f00", "#7048e8", "#5c940d", "#d6336c", "#0b7285", "#862e9c", "#a61e4d", "#495057",
    ];

    /// <summary>The colour of an entity type (lowercase wire name); unknown types get a stable colour from a hash of the name.</summary>
    public static string ForEntityType(string type)
    {
        var index = type switch
        {
            "phone" => 0,
            "email" => 1,
            "image" => 2,
            "url" => 11,
            "poster" => 4,
            "cashtag" or "venmo" or "paypal" or "zelle" or "applecash" => 5,
            "btc" or "eth" or "usdt" => 6,
            "snapchat" or "instagram" or "twitter" or "onlyfans" => 7,
            "telegram" or "whatsapp" or "kik" or "wechat" or "line" => 3,
            _ => StableIndex(type),
        };
        return Categorical[index];
    }

    /// <summary>The colour of the i-th series.</summary>
    public static string Series(int i) => Categorical[((i % Categorical.Count) + Categorical.Count) % Categorical.Count];

    private static int StableIndex(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked((h * 31) + c);
        }

        return (h & 0x7fffffff) % Categorical.Count;
    }
}
