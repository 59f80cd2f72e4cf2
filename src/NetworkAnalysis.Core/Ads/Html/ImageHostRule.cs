namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>How photo URLs of one image host are made canonical, so the same photo at two sizes is one identifier.</summary>
/// <param name="Host">The host (lower case), or a suffix starting with a dot (<c>.cdn.example</c>).</param>
/// <param name="SizeSuffix">A pattern removed from the path (<c>_\d+x\d+(?=\.\w+$)</c>: <c>p_640x480.jpg</c> → <c>p.jpg</c>).</param>
/// <param name="DropQuery">Drop the whole query string (resizing parameters) for this host.</param>
public sealed record ImageHostRule(string Host, string? SizeSuffix, bool DropQuery);
