namespace NetworkAnalysis.Storage;

/// <summary>A reviewer's sign-off of one version of a cluster's referral (see <see cref="CaseStore.SignOffReferral"/>).</summary>
/// <param name="Id">Its number in the case.</param>
/// <param name="ClusterId">The cluster.</param>
/// <param name="Version">1 for the first sign-off of the cluster, then 2, 3, … for each new version.</param>
/// <param name="ContentSha256">SHA-256 (hex) of <see cref="Content"/>, the referral content signed.</param>
/// <param name="Content">What was signed: the referral content as <see cref="CaseStore.ReferralContent"/> gave it then (canonical JSON).</param>
/// <param name="Who">The reviewer.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
/// <param name="Note">The reviewer's note, if any.</param>
public sealed record ReferralSignOff(long Id, string ClusterId, int Version, string ContentSha256, string Content, string Who, string At, string? Note);
