using System.Security.Cryptography;

namespace NetworkAnalysis.Core.Risk;

/// <summary>A loaded indicator file: definitions, caveat and the SHA-256 of the file's bytes.</summary>
/// <remarks>Immutable and thread-safe. Load with <see cref="Load(Stream)"/> or use <see cref="Default"/>.</remarks>
public sealed class IndicatorSet
{
    private static readonly Lazy<IndicatorSet> DefaultSet = new(LoadDefault);

    internal IndicatorSet(IReadOnlyList<IndicatorDefinition> indicators, string caveat, string sha256)
    {
        Indicators = indicators;
        Caveat = caveat;
        Sha256 = sha256;
    }

    /// <summary>The embedded default indicator file (<c>Risk/indicators.yaml</c>).</summary>
    public static IndicatorSet Default => DefaultSet.Value;

    /// <summary>The indicators, in file order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>The triage caveat that must accompany every output; never empty.</summary>
    public string Caveat { get; }

    /// <summary>Lowercase hex SHA-256 of the indicator file's exact bytes; scores are versioned with it.</summary>
    public string Sha256 { get; }

    /// <summary>The embedded default file's bytes (for writing out an editable copy).</summary>
    public static byte[] DefaultFileBytes()
    {
        using var stream = typeof(IndicatorSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("embedded indicators.yaml is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads and validates an indicator file.</summary>
    /// <returns>The set, or the problems found (with line numbers where known).</returns>
    public static IndicatorSetLoadResult Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray());
    }

    /// <summary>Reads and validates an indicator file held in memory.</summary>
    public static IndicatorSetLoadResult Load(ReadOnlySpan<byte> bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return IndicatorFileParser.Parse(bytes, sha);
    }

    /// <summary>A copy with the given indicators' weights set to 0 (for ablation); the hash gains a suffix.</summary>
    public IndicatorSet Without(params string[] indicatorIds)
    {
        var removed = new HashSet<string>(indicatorIds, StringComparer.Ordinal);
        var list = Indicators.Select(i => removed.Contains(i.Id) ? i with { Weight = 0 } : i).ToList();
        return new IndicatorSet(list, Caveat, Sha256 + "-without-" + string.Join('+', indicatorIds.Order(StringComparer.Ordinal)));
    }

    /// <summary>A copy keeping only the given indicator's weight (for single-indicator evaluation); the hash gains a suffix.</summary>
    public IndicatorSet Only(string indicatorId)
    {
        var list = Indicators.Select(i => i.Id == indicatorId ? i : i with { Weight = 0 }).ToList();
        return new IndicatorSet(list, Caveat, Sha256 + "-only-" + indicatorId);
    }

    private const string ResourceName = "NetworkAnalysis.Core.Risk.indicators.yaml";

    private static IndicatorSet LoadDefault()
    {
        var result = Load(DefaultFileBytes());
        return result.Set ?? throw new InvalidOperationException("embedded indicators.yaml is invalid: " + string.Join("; ", result.Errors));
    }
}
