namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>Number ranges reserved for fiction and drama, accepted as valid so synthetic corpora extract.</summary>
/// <remarks>
/// libphonenumber 9.0.43 marks Ofcom's drama range (07700 900000-900999) invalid, so exactly that range is allowed
/// here; NANP 555-0100..0199 (under area codes in service) and Australia's 0491 570 xxx are already valid upstream and
/// need no allowance (checked by FictionalRangeTests).
/// </remarks>
internal static class FictionalRanges
{
    public static bool IsFictional(string region, ReadOnlySpan<char> nationalNumber) =>
        region == "GB" && nationalNumber.Length == 10 && nationalNumber.StartsWith("7700900");
}
