namespace NetworkAnalysis.Core.Extraction.Emails;

/// <summary>An e-mail address found in normalised text.</summary>
/// <param name="Start">Start offset in the normalised text.</param>
/// <param name="End">End offset in the normalised text (exclusive).</param>
/// <param name="Canonical">Canonical linking form.</param>
/// <param name="Obfuscated">Whether it was written in an obfuscated form.</param>
internal readonly record struct EmailHit(int Start, int End, string Canonical, bool Obfuscated);
