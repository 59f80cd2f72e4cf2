namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>How a site profile finds one field on an ad page.</summary>
/// <param name="Selector">CSS selector; the first matching element is used (every match for photos). Null: the whole page text (with <paramref name="Regex"/>) or the URL.</param>
/// <param name="Attribute">Read this attribute instead of the element's text.</param>
/// <param name="Regex">Keep the first group (or the whole match) of this pattern in the text.</param>
/// <param name="Format">Date format(s) for <c>posted</c>, .NET custom format strings separated by <c>|</c>.</param>
/// <param name="FromUrl">Apply <paramref name="Regex"/> to the page URL instead of the page.</param>
public sealed record FieldRule(string? Selector, string? Attribute = null, string? Regex = null, string? Format = null, bool FromUrl = false);
