namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>A valid phone number found in normalised text.</summary>
/// <param name="Start">Start offset in the normalised text.</param>
/// <param name="End">End offset in the normalised text (exclusive).</param>
/// <param name="E164">The number in E.164 form.</param>
/// <param name="Confidence">Confidence in [0,1].</param>
internal readonly record struct PhoneHit(int Start, int End, string E164, double Confidence);
