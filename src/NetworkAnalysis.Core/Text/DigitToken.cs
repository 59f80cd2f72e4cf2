namespace NetworkAnalysis.Core.Text;

/// <summary>How a digit was written.</summary>
internal enum DigitTokenKind : byte
{
    /// <summary>An ASCII digit in the normalised text (any Unicode digit form in the original).</summary>
    Digit,

    /// <summary>A spelled number word (English or Spanish; one digit of a teen, tens, hundred or thousand).</summary>
    Word,

    /// <summary>A letter standing for a digit in digit context (O, o for 0; l, I for 1).</summary>
    Letter,

    /// <summary>An ordinary word that sounds like a digit ("to", "for", "won", "ate"): a digit only beside other digits.</summary>
    Homophone,
}

/// <summary>One digit read from normalised text.</summary>
/// <param name="Start">Start offset in the normalised text.</param>
/// <param name="End">End offset in the normalised text (exclusive).</param>
/// <param name="Digit">The digit character '0'-'9'.</param>
/// <param name="Kind">How it was written.</param>
internal readonly record struct DigitToken(int Start, int End, char Digit, DigitTokenKind Kind);

/// <summary>Adjacent digit tokens with no separator between them ("555", "5five5").</summary>
/// <param name="FirstToken">Index of the first token in the scanner's token list.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Separator">The first non-space separator before this group ('\0' for a run's first group, ' ' for space only).</param>
internal readonly record struct DigitGroup(int FirstToken, int TokenCount, char Separator);

/// <summary>Groups joined only by separators: a candidate region for phone numbers.</summary>
/// <param name="FirstGroup">Index of the first group in the scanner's group list.</param>
/// <param name="GroupCount">Number of groups.</param>
/// <param name="PlusStart">Normalised offset of a '+' just before the run, or -1.</param>
/// <param name="GluedBefore">Whether a letter or digit touches the run's start.</param>
/// <param name="GluedAfter">Whether a letter or digit touches the run's end.</param>
internal readonly record struct DigitRun(int FirstGroup, int GroupCount, int PlusStart, bool GluedBefore, bool GluedAfter);
