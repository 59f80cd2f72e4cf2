using System.CommandLine;
using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli;

/// <summary>Options and loading shared by the commands that show risk scores.</summary>
internal static class RiskOptions
{
    public static Option<string?> Indicators() => new Option<string?>("--indicators")
    {
        Description = "Indicator file (YAML) overriding the embedded default; see data/indicators.yaml",
    }.Kind(ValueKind.InputFile);

    /// <summary>Loads the indicator file (or the default) with its bytes, or fails with every problem found.</summary>
    public static (IndicatorSet Set, byte[] Bytes) Load(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return (IndicatorSet.Default, IndicatorSet.DefaultFileBytes());
        }

        if (!File.Exists(path))
        {
            throw new CliError($"indicator file not found: {path}");
        }

        var bytes = File.ReadAllBytes(path);
        var result = IndicatorSet.Load(bytes);
        return result.Set is { } set
            ? (set, bytes)
            : throw new CliError($"invalid indicator file {path}: " + string.Join("; ", result.Errors));
    }

    /// <summary>Loads the indicators and makes sure the case holds current scores from them.</summary>
    public static IndicatorSet EnsureScores(CaseStore store, string? path, CancellationToken ct)
    {
        var (set, bytes) = Load(path);
        if (store.IsReadOnly && !store.HasCurrentScores(set.Sha256))
        {
            throw new CliError($"{LogText.Safe(store.Path, 300)} is read-only and holds no risk scores from these indicators for its current clusters; run `netan score` on a writable copy", ExitCodes.Failure);
        }

        new CaseRiskScorer(store).EnsureScores(set, bytes, ct);
        return set;
    }
}
