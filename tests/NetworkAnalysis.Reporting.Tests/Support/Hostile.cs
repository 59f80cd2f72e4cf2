namespace NetworkAnalysis.Reporting.Tests.Support;

/// <summary>Hostile strings planted in every text field of test models.</summary>
internal static class Hostile
{
    public const string Script = "<script>alert('xss')</script>";
    public const string ImgOnError = "<img src=x onerror=alert(1)>";
    public const string AttributeBreak = "\" onmouseover=\"alert(2)";
    public const string SvgOnLoad = "<svg onload=alert(3)>";
    public const string Formula = "=HYPERLINK(\"http://evil.example.com\",\"x\")";
    public const string Cypher = "x'}) DETACH DELETE n //";

    /// <summary>Raw markup fragments that must never appear unescaped in HTML or SVG output.</summary>
    public static IReadOnlyList<string> MarkupPayloads { get; } = [Script, ImgOnError, SvgOnLoad, "<iframe", "javascript:alert"];

    /// <summary>All payloads joined, with control characters and a lone surrogate XML cannot carry.</summary>
    public static string All { get; } = Script + ImgOnError + AttributeBreak + SvgOnLoad + " \u0001\u0008\uFFFE \uD800 javascript:alert(4) " + Cypher;
}
