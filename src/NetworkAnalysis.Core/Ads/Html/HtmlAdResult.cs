namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>What one ad page yields: the ad or why there is none, which profile read it, and each field's text.</summary>
/// <param name="Ad">The ad, or null.</param>
/// <param name="Error">Why the page gave no ad.</param>
/// <param name="Profile">The profile that read the page; null for the generic reader.</param>
/// <param name="Fields">Each field's text as found (before parsing), for <c>netan profile test</c>.</param>
/// <param name="Photos">Photo references as found on the page, made absolute against the page URL when there is one.</param>
public sealed record HtmlAdResult(Ad? Ad, string? Error, SiteProfile? Profile, IReadOnlyDictionary<string, string?> Fields, IReadOnlyList<string> Photos);
