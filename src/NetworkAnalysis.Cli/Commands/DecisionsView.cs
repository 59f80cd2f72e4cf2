using System.Text.Json.Nodes;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary>Analyst decisions where their effect shows (<c>show</c>, <c>explain</c>): "merged by J. Doe on 2026-03-02: …".</summary>
internal static class DecisionsView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<AnalystDecision> decisions, bool redact = false)
    {
        if (decisions.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]Analyst decisions[/] ({decisions.Count:N0})");
        foreach (var d in decisions)
        {
            console.MarkupLine($"  [dim]#{d.Id}[/] " + Markup.Escape(LogText.Safe(Line(d, redact), 600)));
        }
    }

    public static JsonArray ToJson(IReadOnlyList<AnalystDecision> decisions, bool redact = false) =>
        [.. decisions.Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Id,
            ["kind"] = d.KindName,
            ["who"] = d.Who,
            ["at"] = d.At,
            ["why"] = d.Why,
            ["effect"] = Line(d, redact),
        })];

    /// <summary>The effect line; redacted, a hub decision does not name its identifier.</summary>
    public static string Line(AnalystDecision d, bool redact) =>
        redact && d.Identifier is not null ? (d with { Identifier = d.Identifier[..(d.Identifier.IndexOf(':', StringComparison.Ordinal) + 1)] + "…" }).Effect() : d.Effect();
}
