namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>A site profile that cannot be used, with the file and line at fault.</summary>
public sealed class SiteProfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiteProfileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SiteProfileException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SiteProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
