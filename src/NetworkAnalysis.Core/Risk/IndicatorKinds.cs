namespace NetworkAnalysis.Core.Risk;

/// <summary>The built-in indicator rules an indicator file can use as <c>kind</c>.</summary>
public static class IndicatorKinds
{
    /// <summary>Distinct names, ages or ethnicity words per contact identifier.</summary>
    public const string PersonasPerContact = "personas_per_contact";

    /// <summary>Distinct phones per payment handle or e-mail.</summary>
    public const string HandleControlsPhones = "handle_controls_phones";

    /// <summary>Distinct cities per identifier within a window.</summary>
    public const string Movement = "movement";

    /// <summary>Most ads posted within a window.</summary>
    public const string Velocity = "velocity";

    /// <summary>Ads posted close in time in distant cities.</summary>
    public const string SimultaneousDistant = "simultaneous_distant";

    /// <summary>Share of ads matching a word list (generic; usable for user-defined indicators).</summary>
    public const string Phrases = "phrases";

    /// <summary>Stated ages in a youth band or youth words (review flag).</summary>
    public const string Youth = "youth";

    /// <summary>Distinct personas behind one image.</summary>
    public const string PhotoReuse = "photo_reuse";

    /// <summary>Distinct phones behind one template.</summary>
    public const string TemplatePhones = "template_phones";

    /// <summary>Share of ads priced well below the city's corpus median.</summary>
    public const string LowPrice = "low_price";

    /// <summary>Cluster size and recent growth.</summary>
    public const string ClusterSize = "cluster_size";

    /// <summary>Share of ads with hidden, obfuscated or single-use (rotated) phone numbers.</summary>
    public const string HiddenNumbers = "hidden_numbers";

    /// <summary>Ads placed in a state other than their phone number's geocoded state (or with a foreign number).</summary>
    public const string OutOfArea = "out_of_area";

    /// <summary>All kinds, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PersonasPerContact, HandleControlsPhones, Movement, Velocity, SimultaneousDistant, Phrases, Youth,
        PhotoReuse, TemplatePhones, LowPrice, ClusterSize, HiddenNumbers, OutOfArea,
    ];
}
