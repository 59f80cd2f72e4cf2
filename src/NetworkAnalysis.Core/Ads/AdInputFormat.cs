namespace NetworkAnalysis.Core.Ads;

/// <summary>Input file formats that <see cref="AdReader"/> reads.</summary>
public enum AdInputFormat
{
    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row.</summary>
    Tsv,

    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
