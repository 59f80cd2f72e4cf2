namespace NetworkAnalysis.Core.Generation;

/// <summary>Options for <see cref="CorpusGenerator"/>.</summary>
public sealed record CorpusOptions
{
    /// <summary>Number of ads to generate (reposts included).</summary>
    public int Ads { get; init; } = 20_000;

    /// <summary>Seed: the same seed gives byte-identical output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of ads posted by rings, in [0,1].</summary>
    public double RingAdShare { get; init; } = 0.4;

    /// <summary>Share of ads that are obfuscated (spelled digits, unicode digits, at/dot e-mails), in [0,1].</summary>
    public double ObfuscationRate { get; init; } = 0.3;

    /// <summary>Share of independent posters that advertise a shared booking line (a hub), in [0,1].</summary>
    public double BookingLineRate { get; init; } = 0.04;

    /// <summary>Share of ads carrying a stock photo (a hub), in [0,1].</summary>
    public double StockPhotoRate { get; init; } = 0.05;

    /// <summary>Share of independent ads naming the shared agency e-mail (a hub), in [0,1].</summary>
    public double GenericEmailRate { get; init; } = 0.01;

    /// <summary>Share of ads reposted under a new ID, in [0,1].</summary>
    public double RepostRate { get; init; } = 0.08;

    /// <summary>First posting date of the corpus.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of the period ads are spread over, in days.</summary>
    public int Days { get; init; } = 120;

    /// <summary>Share of independent posters that copy a shared stock text template (a text hub), in [0,1]; default 0.</summary>
    /// <remarks>Zero keeps corpora byte-identical to earlier versions; stock templates come from their own random stream.</remarks>
    public double StockTemplateRate { get; init; }

    /// <summary>Whether each group's template also gets two sentences of its own wording; default false.</summary>
    /// <remarks>
    /// The sentence pools are small, so unrelated posters often pick similar sentences; distinct wording makes the
    /// template ground truth (<see cref="GeneratedAd.TemplateId"/>) sharp for measuring near-duplicate text detection.
    /// Drawn from a separate random stream, so the rest of the corpus is unchanged.
    /// </remarks>
    public bool DistinctTemplates { get; init; }
}
