namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>Number ranges reserved for fiction and drama, accepted as valid so synthetic corpora extract.</summary>
/// <remarks>
/// libphonenumber marks Ofcom's drama range (07700 900000-900999) invalid; NANP 555-0100..0199 and
/// Australia's 0491 570 xxx are already valid in the upstream patterns.
/// </remarks>
internal static class FictionalRanges
{
    public static bool IsFictional(string region, ReadOnlySpan<char> nationalNumber) =>
        region == "GB" && nationalNumber.Length == 10 && nationalNumber.StartsWith("7700900");
}
