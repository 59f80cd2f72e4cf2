namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>One step of reading a WARC file: exactly one of <see cref="Record"/> and <see cref="Error"/> is set.</summary>
public readonly record struct WarcItem(WarcRecord? Record, WarcReadError? Error);
