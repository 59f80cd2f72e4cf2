using System.Globalization;

namespace NetworkAnalysis.Storage;

/// <summary>A decision of a decisions file that was not imported.</summary>
/// <param name="Index">Its position in the file's <c>decisions</c> array (0-based).</param>
/// <param name="SourceId">Its ID in the source case, if the file gives one.</param>
/// <param name="Field">The field that could not be taken (e.g. <c>side_a[2]</c>), or null for a conflict.</param>
/// <param name="Reason">Why, one line.</param>
public sealed record DecisionImportSkip(int Index, long? SourceId, string? Field, string Reason)
{
    /// <summary>One line: "decisions[2] (decision 5 of the source): side_a[1]: no ad 'site/9' in the case; skipped".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"decisions[{Index}]{(SourceId is { } id ? $" (decision {id} of the source)" : "")}: {(Field is null ? "" : Field + ": ")}{Reason}; skipped");
}
