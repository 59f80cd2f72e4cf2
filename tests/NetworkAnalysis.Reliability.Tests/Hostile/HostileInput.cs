using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Reliability.Tests.Hostile;

/// <summary>One hostile input file and what must happen to it.</summary>
/// <param name="Name">Short name; also the file name stem and the site its ads are ingested under.</param>
/// <param name="Format">CSV or JSON Lines.</param>
/// <param name="Bytes">Builds the file's bytes (some are tens of megabytes, so built on demand).</param>
/// <param name="Ads">Ads that must be read from it.</param>
/// <param name="Errors">Rows that must be reported as malformed (and skipped).</param>
/// <param name="ErrorContains">Text every reported error must contain, when there are errors.</param>
public sealed record HostileInput(string Name, AdInputFormat Format, Func<byte[]> Bytes, int Ads, int Errors, string? ErrorContains = null)
{
    public string FileName => Name + (Format == AdInputFormat.Csv ? ".csv" : ".jsonl");

    public override string ToString() => Name;
}
