namespace NetworkAnalysis.Storage;

/// <summary>Where a cluster's referral stands against its sign-offs (see <see cref="CaseStore.SignOffState"/>).</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="CurrentSha256">SHA-256 of the referral content now.</param>
/// <param name="Latest">The latest sign-off, or null when it was never signed off.</param>
/// <param name="Versions">Every sign-off of the cluster, oldest first (each stays retrievable).</param>
public sealed record ReferralSignOffState(string ClusterId, string CurrentSha256, ReferralSignOff? Latest, IReadOnlyList<ReferralSignOff> Versions)
{
    /// <summary>Whether the referral was signed off and has changed since (a decision, annotation or membership touching the cluster): a new version needs a new sign-off.</summary>
    public bool ChangedSinceSignOff => Latest is not null && !string.Equals(Latest.ContentSha256, CurrentSha256, StringComparison.Ordinal);
}
