namespace NetworkAnalysis.Testing;

/// <summary>Hostile strings every renderer must survive: script and markup injection, spreadsheet formulas, Cypher fragments.</summary>
/// <remarks>
/// The XSS payloads that would run in a browser set <c>window.__xss</c> or open a dialog, so a browser test can tell whether
/// any ran. The first one is the reliability corpus's original payload (<c>HostileCorpus.Xss</c>).
/// </remarks>
public static class HostilePayloads
{
    /// <summary>Script and markup injection: tags, attribute breakouts, closing tags, CDATA and comment breakouts, URLs.</summary>
    public static IReadOnlyList<string> Xss { get; } =
    [
        "<script>alert(1)</script>\"'><img src=x onerror=alert(document.cookie)><svg onload=alert(1)>",
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=2;alert(2)\">",
        "</script><script>window.__xss=3</script>",
        "<svg onload=\"window.__xss=4\"><a href=\"javascript:window.__xss=5\">click</a></svg>",
        "\"><iframe srcdoc=\"<script>parent.__xss=6</script>\"></iframe>",
        "javascript:alert(7)",
        "]]><script>window.__xss=8</script><![CDATA[",
        "--><script>window.__xss=9</script><!--",
        "' onmouseover='window.__xss=10' x='",
        "&lt;script&gt;window.__xss=11&lt;/script&gt;",
        "<math><mi xlink:href=\"javascript:window.__xss=12\">x</mi></math><style>*{background:url(http://example.com/x)}</style>",
        "<b>control\u0001\u0008\u000B\uFFFE chars</b>",
    ];

    /// <summary>Cells a spreadsheet would run as formulas (OWASP CSV injection): leading <c>= + - @</c>, tab, carriage return.</summary>
    public static IReadOnlyList<string> Formulas { get; } =
    [
        "=HYPERLINK(\"http://example.com\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];

    /// <summary>Fragments that would change a Cypher query if spliced into its text.</summary>
    public static IReadOnlyList<string> Cypher { get; } =
    [
        "x'}) MATCH (n) DETACH DELETE n //",
        "x\"}) MATCH (n) DETACH DELETE n //",
        "x`) CALL dbms.shutdown() //",
        "\\'}) RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    ];

    /// <summary>Every payload above.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Xss, .. Formulas, .. Cypher];
}
