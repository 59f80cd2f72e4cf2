namespace NetworkAnalysis.Cli;

/// <summary>What a string option or argument holds, beyond its .NET type: decides how its value is checked while parsing.</summary>
/// <remarks>
/// Declared with <see cref="OptionKinds"/>. A malformed value is then a usage error (exit 2, one line naming the option)
/// before any command runs, and the tests generate malformed values for every option of every command from these kinds.
/// </remarks>
internal enum ValueKind
{
    /// <summary>Free text (a name, a cluster ID, notes): any value is well-formed.</summary>
    Text,

    /// <summary>An existing file that is read.</summary>
    InputFile,

    /// <summary>An existing file or folder that is read (a folder recursively).</summary>
    InputPath,

    /// <summary>A file that is written (its folder is created when missing).</summary>
    OutputFile,

    /// <summary>A folder that is written into (created when missing).</summary>
    OutputFolder,

    /// <summary>A case file: opened, or created by the commands that create one.</summary>
    CaseFile,

    /// <summary>An IP address to listen on.</summary>
    IpAddress,

    /// <summary>An ISO 3166 alpha-2 country code.</summary>
    Country,

    /// <summary>A <c>field=column</c> mapping.</summary>
    FieldMap,

    /// <summary>A case in any store: a case file path or a <c>postgresql://user@host[:port]/database[?schema=name]</c> locator.</summary>
    CaseLocator,
}
