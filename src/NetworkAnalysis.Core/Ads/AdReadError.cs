namespace NetworkAnalysis.Core.Ads;

/// <summary>A row that could not be read, with where it was.</summary>
/// <param name="File">The input file's path as given.</param>
/// <param name="Line">1-based line where the row starts.</param>
/// <param name="Field">The field at fault, when one is.</param>
/// <param name="Message">What was wrong, in words for the user.</param>
public sealed record AdReadError(string File, int Line, string? Field, string Message)
{
    /// <summary>Where in the file, in words, when a line number does not say it (a WARC record: <c>record 3 at byte 1234</c>).</summary>
    public string? Position { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        Position is not null ? $"{File}: {Position}: {Message}"
        : Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: field '{Field}': {Message}";
}
