namespace NetworkAnalysis.Storage;

/// <summary>What a workbench account may do in a team case.</summary>
public enum CaseUserRole
{
    /// <summary>Reads, comments, challenges decisions and signs off referrals; never changes the analysis.</summary>
    Reviewer,

    /// <summary>Annotates, decides and exports, besides what a reviewer reads.</summary>
    Analyst,

    /// <summary>Manages the accounts, and may do whatever an analyst or a reviewer does.</summary>
    Admin,
}
