namespace NetworkAnalysis.Core.Extraction;

/// <summary>Everything extracted from one ad's text.</summary>
/// <param name="Entities">Linkable identifiers, ordered by start offset then type.</param>
/// <param name="Attributes">Non-linking evidence, ordered by start offset.</param>
public sealed record ExtractionResult(IReadOnlyList<Mention> Entities, IReadOnlyList<AttributeMention> Attributes);
