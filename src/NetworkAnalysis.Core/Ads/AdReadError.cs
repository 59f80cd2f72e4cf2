namespace NetworkAnalysis.Core.Ads;

/// <summary>A row that could not be read, with where it was.</summary>
/// <param name="File">The input file's path as given.</param>
/// <param name="Line">1-based line where the row starts.</param>
/// <param name="Field">The field at fault, when one is.</param>
/// <param name="Message">What was wrong, in words for the user.</param>
public sealed record AdReadError(string File, int Line, string? Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: field '{Field}': {Message}";
}
