using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>An identifier an indicator result is about (kept apart from text so renderers can mask it).</summary>
/// <param name="Type">The identifier type.</param>
/// <param name="Value">The canonical value.</param>
public sealed record RiskEntityRef(EntityType Type, string Value);
