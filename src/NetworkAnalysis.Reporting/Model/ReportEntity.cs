using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Reporting.Model;

/// <summary>An identifier shared by ads (phone, e-mail, handle, image hash, …).</summary>
/// <param name="Id">Unique ID among the entities of a <see cref="CaseGraph"/>, e.g. <c>phone:+15555550123</c>.</param>
/// <param name="Type">Lowercase type name (<c>phone</c>, <c>email</c>, …).</param>
/// <param name="Value">Canonical value (hostile text).</param>
/// <param name="IsHub">Whether the stored analysis judged the entity a hub (too common to link ads on its own).</param>
public sealed record ReportEntity(string Id, string Type, string Value, bool IsHub = false)
{
    /// <summary>Whether the entity links ads in the clustering: a linking type (not, say, a URL) that is not a hub.</summary>
    public bool Links => !IsHub && EntityTypeNames.TryParse(Type, out var type) && type.IsStrongLink();

    /// <summary>The standing analyst decision on the identifier (hub or never-hub), as one line, if any.</summary>
    public string? Decision { get; init; }

    /// <summary>A phone's region, place and type as the case stores them (issue #19); null for other identifiers.</summary>
    public Core.Extraction.Phones.PhoneNumberDetails? Phone { get; init; }
}
