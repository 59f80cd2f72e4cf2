namespace NetworkAnalysis.Storage;

/// <summary>How serious a <see cref="DoctorFinding"/> is.</summary>
public enum DoctorSeverity
{
    /// <summary>A fact worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>The case works but something is inconsistent or unfinished.</summary>
    Warning,

    /// <summary>The case is damaged: it cannot be opened or some data cannot be read.</summary>
    Error,
}
